/**
 * effects.csv: one row per estimate in tidy form, as broom's `tidy()` gives a fitted
 * model (term → the contrast and estimator; estimate, std.error, statistic, p.value,
 * conf.low, conf.high, df), with the counts, the log-scale estimate of ratio estimators,
 * the adjusted p-values and the note. Empty cells are numbers that could not be computed. With more than two
 * arms, a row per joint test follows (estimator = the test, contrast = the arms against the control, df = its
 * first df; the note holds both).
 */
import { noteToken } from "../shared/note.ts";
import { toCsv } from "../shared/csv.ts";
import type { EffectsArtefact, JointTest } from "./schema.ts";

export const TIDY_COLUMNS = [
  "outcome", "contrast", "estimator", "estimate", "std_error", "statistic", "df", "p_value", "conf_low", "conf_high",
  "log_estimate", "n_treated", "n_control", "mean_treated", "mean_control", "p_value_holm", "p_value_bh", "note",
] as const;

export function tidyEffects(artefact: EffectsArtefact): string {
  return toCsv(
    TIDY_COLUMNS,
    [...artefact.estimates, ...(artefact.joint_tests ?? []).map(jointRow)].map((e) => TIDY_COLUMNS.map((column) => {
      if (column === "note") return e.notes?.map(noteToken).join("; ") ?? null;
      const value = (e as Record<string, unknown>)[column];
      return typeof value === "number" ? value : typeof value === "string" ? value : null;
    })),
  );
}

function jointRow(test: JointTest): Record<string, unknown> & { notes?: JointTest["notes"] } {
  return { outcome: test.outcome, contrast: `${test.arms.join(", ")} vs ${test.control}`, estimator: test.test, statistic: test.statistic, df: test.df1, p_value: test.p_value, notes: test.notes };
}
