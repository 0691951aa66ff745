/** The person-level outcome table rate cards count from: one row per person and follow-up period. */

export interface OutcomeRow {
  readonly personId: string;
  readonly period: string;
  readonly outcomes: Readonly<Record<string, number | null>>;
}
