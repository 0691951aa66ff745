/**
 * The design of each regression estimator, described rather than copied: the intercept,
 * the treatment indicator z, the covariates as they are (ols_adjusted), and for Lin (2013)
 * the covariates centred at their means and the same times z — virtual columns of the
 * caller's arrays. `regressionFit` fits it by cross-products (gramRobustRegression) from
 * GRAM_MINIMUM_ROWS units on, where the Householder QR is the cost, and by the QR
 * otherwise and wherever the cross-products decline; both give R's numbers
 * (tests/estimate/regressionDesign.test.ts, tests/stats/gramRobustRegression.test.ts).
 */
import * as ss from "simple-statistics";
import type { DesignColumn } from "../stats/gramLeastSquares.ts";
import { gramRobustRegression } from "../stats/gramRobustRegression.ts";
import { robustRegression, type RobustFit } from "../stats/robustRegression.ts";

/** Below this many units the QR is fast, and the artefacts of small evaluations stay as they were. */
export const GRAM_MINIMUM_ROWS = 20_000;

export function regressionDesign(z: ArrayLike<number>, estimator: "ols" | "ols_adjusted" | "lin", covariates: readonly { name: string; values: ArrayLike<number> }[]): DesignColumn[] {
  const design: DesignColumn[] = [
    { name: "(Intercept)", values: null },
    { name: "z", values: z },
  ];
  if (estimator === "ols_adjusted") for (const c of covariates) design.push({ name: c.name, values: c.values });
  if (estimator === "lin") {
    // simple-statistics' mean, as stats/describe.ts takes it, on the caller's array itself rather than a copy.
    const centres = covariates.map((c) => ss.mean(c.values as number[]));
    covariates.forEach((c, j) => design.push({ name: c.name, values: c.values, centre: centres[j]! }));
    covariates.forEach((c, j) => design.push({ name: `z:${c.name}`, values: c.values, centre: centres[j]!, times: z }));
  }
  return design;
}

/** The columns written out, as robustRegression takes them: (v − centre) × times, as the estimators always computed them. */
export function materialiseDesign(design: readonly DesignColumn[], n: number): { name: string; values: number[] }[] {
  return design.map(({ name, values, centre, times }) => ({
    name,
    values: Array.from({ length: n }, (_, i) => {
      const value = values === null ? 1 : centre === undefined ? values[i]! : values[i]! - centre;
      return times ? value * times[i]! : value;
    }),
  }));
}

/** HC2 fit of the design: by cross-products from `minimumRows` units on (where they accept), else by the QR. */
export function regressionFit(design: readonly DesignColumn[], y: ArrayLike<number>, confidence: number, minimumRows = GRAM_MINIMUM_ROWS): RobustFit {
  if (y.length >= minimumRows) {
    const fit = gramRobustRegression(design, y, confidence);
    if (fit) return fit;
  }
  return robustRegression(materialiseDesign(design, y.length), y, confidence);
}
