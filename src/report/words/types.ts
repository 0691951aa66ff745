/**
 * The shape of the report's words in one language: the fixed texts, and one entry per id of every id union the
 * stages write (note codes, estimators, checks, ingest rules, extract kinds, ledger items, contract terms, risk
 * methods). da.ts and en.ts each satisfy it, so an id without Danish and English words does not compile.
 */
import type { CheckId } from "../../assign/schema.ts";
import type { EstimatorId } from "../../estimate/estimators.ts";
import type { InteractionTest } from "../../estimate/schema.ts";
import type { ExtractKind } from "../../ingest/extractKinds.ts";
import type { Rule } from "../../messages.ts";
import type { LedgerItemCode, RiskMethod, TermKind } from "../../repay/schema.ts";
import type { NoteCode, NoteParams } from "../../shared/note.ts";

export type Lang = "da" | "en";

/** How a note's parameters are written in the report's language. */
export interface NoteFormat {
  /** A number with a fixed number of decimals, as the language writes it. */
  readonly number: (value: number, digits?: number) => string;
  /** A number with the decimals it has (at most 6). */
  readonly plain: (value: number) => string;
  readonly kr: (value: number) => string;
  /** A share (0.123) as a percentage (12,3 %). */
  readonly percent: (share: number, digits?: number) => string;
  /** An arm id in words. */
  readonly arm: (id: string) => string;
  /** " (linje 688)", or nothing without a line. */
  readonly line: (line: number | null) => string;
}

export type NoteWords = { readonly [C in NoteCode]: (params: NoteParams[C], format: NoteFormat) => string };

/** An outcome's status per person (ingest), as the data-quality tables count it. */
export const OUTCOME_STATUSES = [
  "observed",
  "censored:as_of",
  "censored:emigrated",
  "censored:died",
  "censored:other",
  "censored:extract_coverage",
  "incomplete:quarantined_row",
  "incomplete:conflicting_rows",
  "not_applicable",
] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** The basis figures a ledger line rests on (src/repay/rules), in words. */
export const BASIS_KEYS = [
  "n_treated", "n_control", "mean_treated", "mean_control", "conf_low", "conf_high", "p_value", "persons", "price", "unit_price",
  "persons_at_cap", "cap_per_person", "cap", "paid_before", "difference", "saving_per_person", "price_per_unit", "restated",
] as const;
export type BasisKey = (typeof BASIS_KEYS)[number];

export interface IdWords {
  readonly notes: NoteWords;
  readonly estimators: { readonly [K in EstimatorId]: string };
  readonly checks: { readonly [K in CheckId]: string };
  readonly rules: { readonly [K in Rule]: string };
  readonly statuses: { readonly [K in OutcomeStatus]: string };
  readonly basis: { readonly [K in BasisKey]: string };
  readonly extractKinds: { readonly [K in ExtractKind]: string };
  readonly ledgerItems: { readonly [K in LedgerItemCode]: string };
  readonly terms: { readonly [K in TermKind]: string };
  readonly riskMethods: { readonly [K in RiskMethod]: string };
  readonly interactionMethods: { readonly [K in InteractionTest["method"]]: string };
}
