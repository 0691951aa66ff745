/**
 * The settlement file (the spec's `settlements`, default settlements.json beside it): every
 * contract period recorded as paid, with the amount, the date it was settled through and
 * the run it came from. Written only by `effekt settle`, read by every later run: a settled
 * amount is never restated.
 *
 * Settlements decide money, so the file is hash-chained like the allocation log: each record
 * holds the SHA-256 of the record before it, and its own over its content, and the file
 * names the last one (the chain head). A hand edit — an amount changed, a record deleted,
 * inserted or moved — breaks the chain at that record, and every run stops there.
 *
 *   hash₀ = SHA-256(JSON ["effekt settlements", 2, evaluation])
 *   hashᵢ = SHA-256(JSON [hashᵢ₋₁, contract, period, amount, trueUp, settlementDate, dueDate,
 *                         run.manifestSha256, run.asOf, run.evaluation, run.allocationChainHead])
 *   chainHead = hashₙ
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { messages } from "../messages.ts";
import { issue, issuesFromZod, type Issue } from "../shared/issues.ts";
import type { RepaymentArtefact } from "./index.ts";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One settled period as the ledger reads it. */
export const Settlement = z.strictObject({
  contract: z.string(),
  period: z.string(),
  amount: z.number().describe("The amount settled (what the run computed, after caps)"),
  trueUp: z.number().default(0).describe("The part of the amount that trued up restatements of earlier periods"),
  settlementDate: IsoDate.describe("The --through date of `effekt settle`"),
  dueDate: z.string(),
  run: z.strictObject({ manifestSha256: Sha256, asOf: z.string(), evaluation: z.string() }),
});
export type Settlement = z.infer<typeof Settlement>;

/** One record of the file: the settled period, the run it came from (with that run's allocation chain head), chained to the record before. */
export const SettlementRecord = Settlement.extend({
  run: z.strictObject({
    manifestSha256: Sha256.describe("SHA-256 of the settling run's manifest.json"),
    asOf: IsoDate.describe("The settling run's as-of date"),
    evaluation: z.string(),
    allocationChainHead: Sha256.nullable().describe("The settling run's allocation log chain head (assignment.json); null when it had no log"),
  }),
  previousSha256: Sha256.describe("The sha256 of the record before (the file's genesis hash for the first)"),
  sha256: Sha256.describe("SHA-256 over previousSha256 and this record's content"),
});
export type SettlementRecord = z.infer<typeof SettlementRecord>;

export const SETTLEMENT_SCHEMA_VERSION = 2;

export const SettlementFile = z.strictObject({
  artefact: z.literal("settlements"),
  schema_version: z.literal(SETTLEMENT_SCHEMA_VERSION),
  evaluation: z.string(),
  chainHead: Sha256.describe("The last record's sha256 (the genesis hash when there is none): a deleted last record shows here"),
  settlements: z.array(SettlementRecord),
});
export type SettlementFile = z.infer<typeof SettlementFile>;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The hash the first record is chained to: binds the chain to its evaluation. */
export function genesisHash(evaluation: string): string {
  return sha256(JSON.stringify(["effekt settlements", SETTLEMENT_SCHEMA_VERSION, evaluation]));
}

/** A record's hash: over the record before and every field of its content, in a fixed order (key order in the file does not matter). */
export function settlementHash(previousSha256: string, s: Omit<SettlementRecord, "previousSha256" | "sha256">): string {
  return sha256(
    JSON.stringify([previousSha256, s.contract, s.period, s.amount, s.trueUp, s.settlementDate, s.dueDate, s.run.manifestSha256, s.run.asOf, s.run.evaluation, s.run.allocationChainHead]),
  );
}

export function emptySettlementFile(evaluation: string): SettlementFile {
  return { artefact: "settlements", schema_version: SETTLEMENT_SCHEMA_VERSION, evaluation, chainHead: genesisHash(evaluation), settlements: [] };
}

export type ChainBreak = { readonly position: number; readonly contract: string; readonly period: string; readonly how: "changed" | "unlinked" } | { readonly position: number; readonly how: "head"; readonly last: { contract: string; period: string } | null };

/** The first record where the chain breaks (1-based position), or null when every record and the head hold. */
export function firstBrokenSettlement(file: SettlementFile): ChainBreak | null {
  let hash = genesisHash(file.evaluation);
  for (let i = 0; i < file.settlements.length; i += 1) {
    const s = file.settlements[i]!;
    if (s.previousSha256 !== hash) return { position: i + 1, contract: s.contract, period: s.period, how: "unlinked" };
    if (settlementHash(hash, s) !== s.sha256) return { position: i + 1, contract: s.contract, period: s.period, how: "changed" };
    hash = s.sha256;
  }
  if (file.chainHead !== hash) {
    const last = file.settlements.at(-1);
    return { position: file.settlements.length, how: "head", last: last ? { contract: last.contract, period: last.period } : null };
  }
  return null;
}

/**
 * A settlement file's JSON, checked: the old unchained form (schema_version 1) is refused (it
 * cannot be proven), a malformed one gets its zod issues, a broken chain one issue naming the
 * record by contract and period. `file` is how the file is named in messages.
 */
export function parseSettlementFile(json: unknown, file: string): { readonly file: SettlementFile } | { readonly issues: Issue[] } {
  const head = json as { artefact?: unknown; schema_version?: unknown } | null;
  if (head !== null && typeof head === "object" && head.artefact === "settlements" && head.schema_version === 1) {
    return { issues: [issue("settlements_unchained", messages.settlementsUnchained(file), { file, path: ["schema_version"] })] };
  }
  const parsed = SettlementFile.safeParse(json);
  if (!parsed.success) return { issues: issuesFromZod(parsed.error, file) };
  const broken = firstBrokenSettlement(parsed.data);
  if (broken === null) return { file: parsed.data };
  const message =
    broken.how === "head"
      ? messages.settlementsHeadBroken(file, broken.position, broken.last)
      : messages.settlementTampered(file, broken.position, broken.contract, broken.period, broken.how);
  return { issues: [issue("settlements_tampered", message, { file, path: broken.how === "head" ? ["chainHead"] : ["settlements", broken.position - 1] })] };
}

/**
 * What `effekt settle --through` adds: every period of the run that is due (complete, not
 * yet settled) with a due date on or before `through`, at the amount the run computed,
 * chained onto the file's last record. Records already in the file are kept exactly as they are.
 */
export function settleThrough(
  file: SettlementFile,
  repayment: RepaymentArtefact,
  through: string,
  run: SettlementRecord["run"],
): { file: SettlementFile; added: SettlementRecord[]; skipped: { contract: string; period: string; reason: string }[] } {
  const added: SettlementRecord[] = [];
  const skipped: { contract: string; period: string; reason: string }[] = [];
  const already = new Set(file.settlements.map((s) => `${s.contract}\u0000${s.period}`));
  let previous = file.chainHead;
  for (const contract of repayment.contracts) {
    for (const period of contract.periods) {
      if (period.dueDate > through) continue;
      if (already.has(`${contract.name}\u0000${period.period}`)) continue;
      if (period.status !== "due" || period.computedAmount === null) {
        skipped.push({ contract: contract.name, period: period.period, reason: period.statusNote });
        continue;
      }
      const content = { contract: contract.name, period: period.period, amount: period.computedAmount, trueUp: period.trueUp, settlementDate: through, dueDate: period.dueDate, run };
      const sha = settlementHash(previous, content);
      added.push({ ...content, previousSha256: previous, sha256: sha });
      previous = sha;
    }
  }
  return { file: { ...file, chainHead: previous, settlements: [...file.settlements, ...added] }, added, skipped };
}
