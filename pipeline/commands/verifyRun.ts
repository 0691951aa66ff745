/** `effekt verify-run`: recomputes every hash in a run's manifest. */
import { verifyRun } from "../seal.ts";
import { EXIT_OK, EXIT_STOPPED, guarded, say, UsageError, type Command } from "./command.ts";

export const verifyRunCommand: Command = {
  name: "verify-run",
  synopsis: "effekt verify-run <output dir>                          recompute every hash in a run's manifest.json",
  help: `effekt verify-run <output dir>

Recomputes the SHA-256 of every input and output recorded in the run's manifest.json and names
every file that changed, is missing, or is not in the manifest. Exit 0 when all match.`,
  options: { help: { type: "boolean", short: "h" } },
  run: (_values, positionals) => {
    const [dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError("effekt verify-run: expected exactly one output folder");
    return guarded("verify-run", async () => {
      const result = await verifyRun(dir);
      for (const file of result.changed) say(`CHANGED  ${file}`);
      for (const file of result.missing) say(`MISSING  ${file}`);
      for (const file of result.unrecorded) say(`NOT IN MANIFEST  ${file}`);
      const ok = result.ok && result.unrecorded.length === 0;
      say(ok ? `verified: ${result.checked} files match manifest.json (${result.manifest.createdAt})` : "NOT verified");
      return ok ? EXIT_OK : EXIT_STOPPED;
    });
  },
};
