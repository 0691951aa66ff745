/**
 * The joint Wald test that several coefficients are all 0 (that every arm shares the control's mean),
 * as `car::linearHypothesis(lm_robust(...), c("a = 0", "b = 0"))` with the model's robust covariance:
 *
 *   W = bᵀ V⁻¹ b,   χ² test: p = P(χ²_q > W);   F test: F = W / q,  p = P(F_{q, df} > F),
 * q the number of coefficients tested, df the model's residual degrees of freedom (N − K).
 *
 * Reference: Wald (1943); Fox & Weisberg (2019), An R Companion to Applied Regression, §5.3.
 */
import { chiSquaredUpperTail, fUpperTail } from "./distributions.ts";
import { waldStatistic, type Matrix } from "./matrix.ts";

export interface JointWaldTest {
  readonly chiSquare: number;
  readonly df: number;
  readonly pChiSquare: number;
  /** W / q on (q, residualDf) degrees of freedom; null without a residual df. */
  readonly f: number | null;
  readonly residualDf: number | null;
  readonly pF: number | null;
}

/**
 * @param estimates the q coefficients tested
 * @param covariance their q × q covariance
 * @param residualDf the model's residual df for the F form (null: χ² only)
 */
export function jointWaldTest(estimates: readonly number[], covariance: Matrix, residualDf: number | null = null): JointWaldTest {
  const q = estimates.length;
  if (q === 0 || covariance.length !== q) throw new Error("jointWaldTest requires one covariance row per estimate");
  const chiSquare = waldStatistic(estimates, covariance);
  const f = residualDf !== null ? chiSquare / q : null;
  return {
    chiSquare,
    df: q,
    pChiSquare: chiSquaredUpperTail(chiSquare, q),
    f,
    residualDf,
    pF: f !== null && residualDf !== null ? fUpperTail(f, q, residualDf) : null,
  };
}
