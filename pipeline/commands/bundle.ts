/** `effekt bundle RUN --out DIR`: the investor bundle of a run (report/, manifest, signature). */
import { join, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { messages } from "../../src/messages.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { isEmptyOrAbsent, writeBundle } from "../bundle.ts";
import { shown } from "../io/paths.ts";
import { verifyRun } from "../seal/verifyRun.ts";
import { EXIT_OK, guarded, say, text, UsageError, type Command } from "./command.ts";

export const bundleCommand: Command = {
  name: "bundle",
  synopsis: "effekt bundle <output dir> --out DIR                    the investor bundle: report/, manifest.json, its signature, settlements",
  help: `effekt bundle <output dir> --out DIR

Copies what may leave the municipality — report/ (suppressed for small cells), manifest.json,
manifest-signature.json and the settlement file the run read (as settlements.json: contracts, periods,
amounts, no person data) — into DIR, with bundle.json listing what it holds and which recorded files
stay with the municipality (inputs, work/, internal artefacts). No person-level file is copied.
The run must verify first. On the bundle alone, effekt verify-run DIR --public-key public.pem
rechecks every published file, the settlement chain and the signature, checks bundle.json against
the signed manifest, and counts the hashes it cannot recheck.

Options:
  --out DIR            an empty or new folder for the bundle
  -h, --help           this help`,
  options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [dir, ...extra] = positionals;
    const out = text(values, "out");
    if (dir === undefined || extra.length > 0 || out === undefined) throw new UsageError("effekt bundle: expected one output folder and --out DIR");
    return guarded("bundle", async () => {
      const runDir = resolve(dir);
      const verified = await verifyRun(runDir);
      const problems = [...verified.changed, ...verified.missing, ...verified.unrecorded.map((p) => `${p} (not in the manifest)`), ...verified.problems];
      if (verified.signature.state === "invalid") problems.push(verified.signature.reason);
      if (problems.length > 0) stopRun(issue("bundle_run_not_verified", messages.bundleOfUnverifiedRun(problems), { file: shown(join(runDir, artefactPath("manifest"))), path: [] }));
      if (!(await isEmptyOrAbsent(resolve(out)))) stopRun(issue("bundle_out_not_empty", messages.bundleOutNotEmpty(), { file: shown(resolve(out)), path: [] }));
      const index = await writeBundle(runDir, resolve(out), verified.manifest);
      say(`bundle: ${index.holds.length} files → ${shown(resolve(out))}${index.signed ? "" : " (the run is unsigned: sign it with --sign for investors to check)"}; ${index.keptByMunicipality.length} recorded files stay with the municipality`);
      return EXIT_OK;
    });
  },
};
