/**
 * The compact summary `effekt estimate --table` prints: one line per estimate with its
 * outcome, estimator, estimate, confidence interval, p-value and persons per arm; then, per outcome and
 * contrast, the persons left out for lacking the outcome, per arm.
 */
import type { EffectEstimate, JointTest } from "./schema.ts";

const number = (v: number | null | undefined) => (v === null || v === undefined ? "—" : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(Math.abs(v) >= 100 ? 1 : 3));
const pValue = (p: number | null | undefined) => (p === null || p === undefined ? "—" : p < 0.001 ? "<0.001" : p.toFixed(3));

export function summaryTable(estimates: readonly EffectEstimate[], confidence: number): string[] {
  const header = ["outcome", "contrast", "estimator", "estimate", `${Math.round(confidence * 100)} % CI`, "p", "n arm", "n control"];
  const rows = estimates.map((e) => [
    e.outcome,
    e.contrast,
    e.estimator,
    number(e.estimate),
    e.conf_low === null || e.conf_high === null ? "—" : `${number(e.conf_low)} to ${number(e.conf_high)}`,
    pValue(e.p_value),
    String(e.n_treated),
    String(e.n_control),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const numeric = new Set([3, 4, 5, 6, 7]);
  const line = (cells: readonly string[]) => cells.map((c, j) => (numeric.has(j) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line), ...droppedLines(estimates)];
}

/** One line per outcome × contrast whose estimates left persons out for a missing outcome value. */
function droppedLines(estimates: readonly EffectEstimate[]): string[] {
  const lines = new Set<string>();
  for (const e of estimates) {
    for (const n of e.notes ?? []) {
      if (n.code === "outcome_missing_left_out") lines.add(`${e.outcome} (${e.contrast}): outcome missing, left out: ${n.params.treated} in the arm, ${n.params.control} in the control arm`);
    }
  }
  return [...lines];
}

/** One line per joint test across the arms: its statistic, df and p. */
export function jointTestLines(tests: readonly JointTest[]): string[] {
  return tests.map((t) => {
    const statistic = t.df2 === null ? `χ² = ${number(t.statistic)} on ${t.df1} df` : `F = ${number(t.statistic)} on ${t.df1} and ${t.df2} df`;
    return `joint test ${t.test}: ${t.outcome} (${t.arms.join(", ")} vs ${t.control}): ${statistic}, p ${t.p_value !== null && t.p_value < 0.001 ? "< 0.001" : `= ${pValue(t.p_value)}`}, n ${t.n}`;
  });
}
