/**
 * `effekt settle <spec.json> --run <run dir> --through <yyyy-mm-dd>`: records every contract
 * period of the run that is due by --through as settled, at the amount the run computed, in
 * the spec's settlement file (default settlements.json beside the spec). Refuses a run whose
 * manifest does not verify, a run of another spec, and a --through after the run's as-of date.
 * Periods already settled are kept exactly as they are: a settlement is never rewritten.
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { parseDate } from "../../src/ingest/parseValue.ts";
import { messages } from "../../src/messages.ts";
import { RepaymentArtefact } from "../../src/repay/index.ts";
import { emptySettlementFile, parseSettlementFile, settleThrough, type SettlementRecord } from "../../src/repay/settlements.ts";
import { AssignmentArtefact } from "../../src/assign/schema.ts";
import { issue, StopRun, stopRun } from "../../src/shared/issues.ts";
import { formatJson, writeFileAtomic } from "../io/files.ts";
import { EXIT_OK, guarded, tell, text as optionText, UsageError, type Command } from "./command.ts";
import { sha256File } from "../io/hash.ts";
import { loadSpec } from "../loadSpec.ts";
import { verifyRun } from "../seal/verifyRun.ts";

export interface SettleOptions {
  readonly specPath: string;
  readonly runDir: string;
  readonly through: string;
  readonly log: (line: string) => void;
}

export interface SettleResult {
  readonly file: string;
  readonly added: readonly SettlementRecord[];
  readonly skipped: readonly { contract: string; period: string; reason: string }[];
}

export async function settle(options: SettleOptions): Promise<SettleResult> {
  const loaded = await loadSpec({ specPath: options.specPath, log: options.log });
  const shown = (path: string) => relative(process.cwd(), path) || path;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.through) || parseDate(options.through, "iso") === null) stopRun(issue("settle_through_invalid", messages.settleThroughInvalid(options.through), { path: [] }));
  const runDir = resolve(options.runDir);
  const settlementsPath = resolve(loaded.specDir, loaded.spec.settlements);

  const verified = await verifyRun(runDir);
  // The settlement file is an input of the run, and settling is what changes it.
  const ownFile = `settlements: ${relative(runDir, settlementsPath)}`;
  const problems = [...verified.changed, ...verified.missing].filter((p) => p !== ownFile).concat(verified.unrecorded.map((p) => `${p} (not in the manifest)`));
  if (problems.length > 0) stopRun(issue("settle_run_not_verified", messages.settleRunNotVerified(shown(runDir), problems), { file: shown(join(runDir, artefactPath("manifest"))), path: [] }));
  const manifest = verified.manifest;
  if (manifest.evaluation !== loaded.spec.name) stopRun(issue("settle_run_other_spec", messages.settleRunOtherSpec(shown(runDir), manifest.evaluation, loaded.spec.name), { file: shown(join(runDir, artefactPath("manifest"))), path: ["evaluation"] }));
  if (options.through > manifest.asOf) stopRun(issue("settle_after_as_of", messages.settleAfterAsOf(options.through, manifest.asOf), { path: [] }));

  const repaymentPath = join(runDir, artefactPath("repayment"));
  let repayment: RepaymentArtefact;
  try {
    repayment = RepaymentArtefact.parse(JSON.parse(await readFile(repaymentPath, "utf8")));
  } catch {
    stopRun(issue("settle_no_repayment", messages.settleNoRepayment(shown(runDir)), { file: shown(repaymentPath), path: [] }));
  }

  let file = emptySettlementFile(loaded.spec.name);
  let text: string | null = null;
  try {
    text = await readFile(settlementsPath, "utf8");
  } catch {
    // No settlement file yet: this is the first settlement.
  }
  if (text !== null) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      stopRun(issue("not_json", `${shown(settlementsPath)} is not valid JSON: ${(error as Error).message}`, { file: shown(settlementsPath), path: [] }));
    }
    const parsed = parseSettlementFile(json, shown(settlementsPath));
    if ("issues" in parsed) throw new StopRun(parsed.issues);
    file = parsed.file;
    if (file.evaluation !== loaded.spec.name) stopRun(issue("settle_file_other_spec", messages.settleFileOtherSpec(shown(settlementsPath), file.evaluation, loaded.spec.name), { file: shown(settlementsPath), path: ["evaluation"] }));
  }

  const manifestSha256 = (await sha256File(join(runDir, artefactPath("manifest"))))!;
  const result = settleThrough(file, repayment, options.through, { manifestSha256, asOf: manifest.asOf, evaluation: manifest.evaluation, allocationChainHead: await allocationChainHeadOf(runDir) });
  await writeFileAtomic(settlementsPath, formatJson(result.file));
  for (const s of result.added) options.log(`settle: ${s.contract}, ${s.period} (due ${s.dueDate}): ${s.amount.toLocaleString("en")} kr settled through ${s.settlementDate}`);
  for (const s of result.skipped) options.log(`settle: ${s.contract}, ${s.period}: not settled — ${s.reason}`);
  options.log(`settle: ${result.added.length} period(s) settled → ${shown(settlementsPath)}`);
  return { file: settlementsPath, added: result.added, skipped: result.skipped };
}

export const settleCommand: Command = {
  name: "settle",
  synopsis: "effekt settle <spec.json> --run DIR --through YYYY-MM-DD  record every contract period due by that date as settled",
  help: `effekt settle <spec.json> --run <run dir> --through YYYY-MM-DD

Records every contract period of the run that is due (complete, not yet settled) with a due date on or
before --through as settled, at the amount the run computed, in the spec's settlement file (spec key
settlements, default settlements.json beside the spec), with the run's manifest hash and as-of date.
Later runs read it: a settled amount is never restated; a different computed amount is shown beside it
as a restatement. Refuses a run whose manifest does not verify, a run of another spec, and a --through
after the run's as-of date. Periods already settled are kept as they are.

The file is hash-chained (schema_version 2): each record holds the previous record's SHA-256, the
settling run's manifest hash, as-of date and allocation log chain head; the file names the last
record. A record edited, deleted, inserted or moved by hand stops every run and this command, naming
the record by contract and period. A file of the old unchained form (schema_version 1) is refused:
it cannot be proven; re-create it by settling again from each run it names.

Options:
  --run DIR              the run (output folder) whose amounts are settled
  --through YYYY-MM-DD   settle the periods due on or before this date
  -h, --help             this help`,
  options: { run: { type: "string" }, through: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [specPath, ...extra] = positionals;
    const runDir = optionText(values, "run");
    const through = optionText(values, "through");
    if (specPath === undefined || extra.length > 0 || runDir === undefined || through === undefined) throw new UsageError("effekt settle: expected one spec file, --run and --through");
    return guarded("settle", async () => {
      const result = await settle({ specPath, runDir, through, log: tell });
      tell(`effekt settle: done → ${result.file}`);
      return EXIT_OK;
    });
  },
};

/** The allocation log's chain head the run used (its assignment.json), recorded with each settlement; null when the run had no log. */
async function allocationChainHeadOf(runDir: string): Promise<string | null> {
  try {
    return AssignmentArtefact.parse(JSON.parse(await readFile(join(runDir, artefactPath("assignment")), "utf8"))).log?.chainHead ?? null;
  } catch {
    return null;
  }
}
