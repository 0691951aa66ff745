/** `effekt verify-allocation`: checks an allocation log independently of the run that wrote it. */
import { readFile } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse/sync";
import { verifyAllocation } from "../../src/assign/verifyAllocation.ts";
import { fromCsvRow } from "../../src/shared/csv.ts";
import { EXIT_OK, EXIT_STOPPED, say, tell, text, UsageError, type Command } from "./command.ts";

async function readInputs(logPath: string, rosterPath: string | undefined) {
  const logText = await readFile(logPath, "utf8");
  if (rosterPath === undefined) return { logText, roster: null };
  const rows = (parseCsv(await readFile(rosterPath, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map(fromCsvRow);
  if (rows.length > 0 && !["person_id", "batch", "block"].every((c) => c in rows[0]!)) throw new Error(`${rosterPath} needs the columns person_id, batch, block`);
  return { logText, roster: rows.map((r) => ({ personId: r.person_id!, batch: r.batch!, block: r.block!, referred: r.referred ?? "" })) };
}

export const verifyAllocationCommand: Command = {
  name: "verify-allocation",
  synopsis: "effekt verify-allocation <log.csv> [--roster roster.csv]  recompute an allocation log's hash chain and allocation",
  help: `effekt verify-allocation <log.csv> [--roster roster.csv]

Recomputes the log's SHA-256 chain and, from the seed in its header and the batches and blocks
on its lines, the allocation itself; names the first line that differs. With --roster (a CSV
with person_id, batch, block, as effekt writes to work/roster.csv) it also checks that the log
holds exactly the roster's persons, in their batches and blocks. Exit 0 when everything holds.

Options:
  --roster FILE   the roster to check the log against
  -h, --help      this help`,
  options: { roster: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: async (values, positionals) => {
    const [logPath, ...extra] = positionals;
    if (logPath === undefined || extra.length > 0) throw new UsageError("effekt verify-allocation: expected exactly one log file");
    let inputs;
    try {
      inputs = await readInputs(logPath, text(values, "roster"));
    } catch (error) {
      tell(`effekt verify-allocation: ${(error as Error).message}`);
      return EXIT_STOPPED;
    }
    const { roster } = inputs;
    const result = verifyAllocation(inputs.logText, roster);
    for (const problem of result.problems) say(`log: ${problem}`);
    say(result.chain.ok ? `chain: holds over ${result.lines} lines` : `chain: BROKEN at ${result.chain.reason}`);
    say(result.allocation.ok ? "allocation: recomputed from the seed, every line agrees" : `allocation: DIFFERS at ${result.allocation.reason}`);
    if (result.roster) {
      if (result.roster.ok) say(`roster: the log holds exactly the roster's ${roster!.length} persons in their batches and blocks`);
      for (const id of result.roster.missing) say(`roster: ${id} is on the roster but not on the log`);
      for (const line of result.roster.notOnRoster) say(`roster: ${line} is on the log but not on the roster`);
      for (const line of result.roster.moved) say(`roster: ${line}`);
    }
    say(result.ok ? "verified" : "NOT verified");
    return result.ok ? EXIT_OK : EXIT_STOPPED;
  },
};
