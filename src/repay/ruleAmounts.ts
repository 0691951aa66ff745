/**
 * What every rule kind shares: the ledger line it produces (with the aggregate figures it
 * rests on, so an investor can re-derive every kroner), the small-cell threshold, øre
 * rounding, and the error for contract terms the evaluation's data cannot meet. The rule
 * kinds themselves are one file each under rules/.
 */
import type { LedgerLine } from "./schema.ts";

export const MIN_CELL = 5;

/** Kroner to whole øre: what a payment can be, and free of binary noise (635250.0000000013). */
export function toOre(kroner: number): number {
  return Math.round(kroner * 100) / 100;
}

export class ContractDataError extends Error {}

/** A ledger line before it is placed in its period; `amountUnsuppressed` still counts when the line is suppressed. */
export type Line = Omit<LedgerLine, "period" | "paymentYear"> & { amountUnsuppressed: number };
