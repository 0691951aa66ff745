/** The person-level outcome table rate cards count from: one row per person and follow-up period. */

export interface OutcomeRow {
  readonly personId: string;
  readonly period: string;
  readonly outcomes: Readonly<Record<string, number | null>>;
  /**
   * The day the row was observed (yyyy-mm-dd): set on the rows of a typed-in outcome table (its
   * observed_on column), absent on rows measured from the registers (ingest applies the as-of date there).
   */
  readonly observedOn?: string;
}
