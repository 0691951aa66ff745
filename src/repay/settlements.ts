/**
 * The settlement file (the spec's `settlements`, default settlements.json beside it): every
 * contract period recorded as paid, with the amount, the date it was settled through and
 * the run it came from. Written only by `effekt settle`, read by every later run: a settled
 * amount is never restated.
 */
import { z } from "zod";
import type { RepaymentArtefact } from "./index.ts";

export const Settlement = z.strictObject({
  contract: z.string(),
  period: z.string(),
  amount: z.number().describe("The amount settled (what the run computed, after caps)"),
  trueUp: z.number().default(0).describe("The part of the amount that trued up restatements of earlier periods"),
  settlementDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("The --through date of `effekt settle`"),
  dueDate: z.string(),
  run: z.strictObject({ manifestSha256: z.string().regex(/^[0-9a-f]{64}$/), asOf: z.string(), evaluation: z.string() }),
});
export type Settlement = z.infer<typeof Settlement>;

export const SettlementFile = z.strictObject({
  artefact: z.literal("settlements"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  settlements: z.array(Settlement),
});
export type SettlementFile = z.infer<typeof SettlementFile>;

export function emptySettlementFile(evaluation: string): SettlementFile {
  return { artefact: "settlements", schema_version: 1, evaluation, settlements: [] };
}

/**
 * What `effekt settle --through` adds: every period of the run that is due (complete, not
 * yet settled) with a due date on or before `through`, at the amount the run computed.
 * Periods already in the file are kept exactly as they are.
 */
export function settleThrough(
  file: SettlementFile,
  repayment: RepaymentArtefact,
  through: string,
  run: Settlement["run"],
): { file: SettlementFile; added: Settlement[]; skipped: { contract: string; period: string; reason: string }[] } {
  const added: Settlement[] = [];
  const skipped: { contract: string; period: string; reason: string }[] = [];
  const already = new Set(file.settlements.map((s) => `${s.contract}\u0000${s.period}`));
  for (const contract of repayment.contracts) {
    for (const period of contract.periods) {
      if (period.dueDate > through) continue;
      if (already.has(`${contract.name}\u0000${period.period}`)) continue;
      if (period.status !== "due" || period.computedAmount === null) {
        skipped.push({ contract: contract.name, period: period.period, reason: period.statusNote });
        continue;
      }
      added.push({ contract: contract.name, period: period.period, amount: period.computedAmount, trueUp: period.trueUp, settlementDate: through, dueDate: period.dueDate, run });
    }
  }
  return { file: { ...file, settlements: [...file.settlements, ...added] }, added, skipped };
}
