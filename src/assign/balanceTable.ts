/**
 * Baseline balance between one arm and the control arm: per covariate (per level for a
 * categorical one) n, mean or share and SD in each arm, the standardised mean
 * difference, a per-covariate test, and a flag when |SMD| passes the threshold.
 *
 * SMD denominators, named in the output (as cobalt's defaults):
 * - continuous: √((s²ₐ + s²꜀)/2), sample variances (n − 1);
 * - binary and each level of a categorical: √((pₐ(1−pₐ) + p꜀(1−p꜀))/2).
 * Tests: Welch t for continuous (R t.test); Pearson χ² without continuity correction on
 * the arm × level table for binary and categorical (R chisq.test(correct = FALSE)).
 */
import { mean, sampleVariance } from "../stats/describe.ts";
import { pearsonChiSquareTest } from "../stats/pearsonChiSquareTest.ts";
import { welchTest } from "../stats/welchTest.ts";
import type { BalanceRow } from "./schema.ts";

export const SMD_DENOMINATOR_CONTINUOUS = "sqrt((s2_arm + s2_control)/2), sample variances (n-1)";
export const SMD_DENOMINATOR_BINARY = "sqrt((p_arm(1-p_arm) + p_control(1-p_control))/2)";

export interface CovariateValues {
  readonly id: string;
  readonly type: "continuous" | "binary" | "categorical";
  /** Numbers for continuous and binary (0/1); level labels for categorical. */
  readonly arm: readonly (number | string)[];
  readonly control: readonly (number | string)[];
}

export const MISSING_LEVEL = "(missing)";

export function balanceRows(covariate: CovariateValues, armName: string, controlName: string, threshold: number): BalanceRow[] {
  const comparison = `${armName} vs ${controlName}`;
  if (covariate.type === "continuous") {
    const a = covariate.arm as number[];
    const c = covariate.control as number[];
    const stats = [describeNumbers(armName, a), describeNumbers(controlName, c)];
    const difference = (stats[0]!.mean ?? NaN) - (stats[1]!.mean ?? NaN);
    const denominator = a.length > 1 && c.length > 1 ? Math.sqrt((sampleVariance(a) + sampleVariance(c)) / 2) : NaN;
    const smd = denominator > 0 ? difference / denominator : null;
    const welch = safeWelch(a, c);
    return [
      {
        covariate: covariate.id,
        level: null,
        type: "continuous",
        comparison,
        arms: stats,
        difference,
        smd,
        smdDenominator: SMD_DENOMINATOR_CONTINUOUS,
        test: "welch_t",
        statistic: welch?.t ?? null,
        df: welch?.df ?? null,
        p: welch?.p ?? null,
        flagged: smd !== null && Math.abs(smd) > threshold,
      },
    ];
  }
  const levels = covariate.type === "binary" ? ["1"] : [...new Set([...covariate.arm, ...covariate.control].map(String))].sort();
  const allLevels = covariate.type === "binary" ? ["0", "1"] : levels;
  const count = (values: readonly (number | string)[], level: string) => values.filter((v) => String(v) === level).length;
  const table = [covariate.arm, covariate.control].map((values) => allLevels.map((level) => count(values, level)));
  const test = safeChiSquare(table);
  return levels.map((level) => {
    const indicatorArm = covariate.arm.map((v) => Number(String(v) === level));
    const indicatorControl = covariate.control.map((v) => Number(String(v) === level));
    const stats = [describeNumbers(armName, indicatorArm), describeNumbers(controlName, indicatorControl)];
    const pa = stats[0]!.mean ?? NaN;
    const pc = stats[1]!.mean ?? NaN;
    const denominator = Math.sqrt((pa * (1 - pa) + pc * (1 - pc)) / 2);
    const smd = denominator > 0 ? (pa - pc) / denominator : null;
    return {
      covariate: covariate.id,
      level: covariate.type === "binary" ? null : level,
      type: covariate.type,
      comparison,
      arms: stats,
      difference: pa - pc,
      smd,
      smdDenominator: SMD_DENOMINATOR_BINARY,
      test: "pearson_chi_square" as const,
      statistic: test?.statistic ?? null,
      df: test?.df ?? null,
      p: test?.p ?? null,
      flagged: smd !== null && Math.abs(smd) > threshold,
    };
  });
}

function describeNumbers(arm: string, values: readonly number[]) {
  return {
    arm,
    n: values.length,
    mean: values.length > 0 ? mean(values) : null,
    sd: values.length > 1 ? Math.sqrt(sampleVariance(values)) : null,
  };
}

/** Welch's test, or null when a group has fewer than two values or both are constant. */
function safeWelch(a: readonly number[], c: readonly number[]) {
  if (a.length < 2 || c.length < 2 || sampleVariance(a) + sampleVariance(c) === 0) return null;
  return welchTest(a, c);
}

/** Pearson's χ², or null when the table has fewer than two non-empty rows or columns (a constant covariate). */
function safeChiSquare(table: number[][]) {
  const rows = table.filter((r) => r.some((x) => x > 0)).length;
  const columns = (table[0] ?? []).filter((_, j) => table.some((r) => r[j]! > 0)).length;
  return rows < 2 || columns < 2 ? null : pearsonChiSquareTest(table);
}
