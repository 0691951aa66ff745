/** `effekt verify-run`: recomputes every hash in a run's manifest (or a bundle's), checks its signature, and says what it verified. */
import { parseDate } from "../../src/ingest/parseValue.ts";
import { verifyRun } from "../seal/verifyRun.ts";
import { verificationReport } from "../verificationReport.ts";
import { EXIT_OK, EXIT_STOPPED, guarded, say, text, UsageError, type Command } from "./command.ts";

export const verifyRunCommand: Command = {
  name: "verify-run",
  synopsis:
    "effekt verify-run <output dir> [--public-key public.pem] [--expect-as-of YYYY-MM-DD] [--verbose]\n" +
    "                                                        what it verified, the verdict, the problems: every hash, the signature",
  help: `effekt verify-run <output dir or bundle> [--public-key public.pem] [--expect-as-of YYYY-MM-DD] [--verbose]

Prints first what it verified — the evaluation, the as-of date, the spec's SHA-256 and the signer
key's fingerprint, all from manifest.json — then the verdict, then the details.

Recomputes the SHA-256 of every input and output recorded in the run's manifest.json and names
every file that changed, is missing, or is not in the manifest; checks the settlement file the run
read (its hash and its own hash chain). With --public-key it checks the Ed25519 signature
(manifest-signature.json) over manifest.json: a changed file whose hash was rewritten in the manifest
fails here. On an investor bundle (effekt bundle) every published file is rechecked, bundle.json must
agree with the signed manifest and with the files the bundle holds, and the files that stay with the
municipality are counted (listed with --verbose) as not rechecked.

Verdict and exit code:
  verified                 every hash matches and the signature is valid with --public-key   exit 0
  verified (hashes only)   every hash matches; the run is unsigned: nothing shows who made it  exit 0
  NOT verified             anything changed, missing or disagreeing; a signature that fails;  exit 1
                           a signed run (or a bundle that says it is signed) checked without
                           --public-key: only a valid signature authenticates the hashes
Only --public-key authenticates: without it anyone could have rewritten a file and its hash.

Options:
  --public-key FILE          the Ed25519 public key the run must be signed with
  --expect-as-of YYYY-MM-DD  fail unless the run is as of this date (an old bundle passed as new)
  --verbose                  also list every file rechecked and every hash not rechecked
  -h, --help                 this help`,
  options: { "public-key": { type: "string" }, "expect-as-of": { type: "string" }, verbose: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError("effekt verify-run: expected exactly one output folder");
    const publicKey = text(values, "public-key");
    const expectAsOf = text(values, "expect-as-of");
    if (expectAsOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(expectAsOf) || parseDate(expectAsOf, "iso") === null)) throw new UsageError("effekt verify-run: --expect-as-of takes a date as yyyy-mm-dd");
    return guarded("verify-run", async () => {
      const result = await verifyRun(dir, { ...(publicKey === undefined ? {} : { publicKey }), ...(expectAsOf === undefined ? {} : { expectAsOf }) });
      const report = verificationReport(result, { publicKeyGiven: publicKey !== undefined, verbose: values.verbose === true });
      for (const line of report.lines) say(line);
      return report.ok ? EXIT_OK : EXIT_STOPPED;
    });
  },
};
