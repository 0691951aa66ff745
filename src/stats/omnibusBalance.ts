/**
 * The omnibus balance test of Hansen & Bowers (2008), as RItools::xBalance computes it
 * with its default harmonic stratum weights (RItools 0.3-5, R/xBalanceEngine.R):
 *
 *   d  = Σᵢ zᵢ (xᵢ − x̄ₛ₍ᵢ₎)                     (covariates centred on their stratum means)
 *   Σ  = Σᵢ vₛ₍ᵢ₎ (xᵢ − x̄ₛ₍ᵢ₎)(xᵢ − x̄ₛ₍ᵢ₎)ᵀ     (vₛ = sample variance of z in stratum s)
 *   χ² = dᵀ Σ⁺ d,  df = rank Σ
 *
 * Σ⁺ comes from the SVD of the rows √vₛ (xᵢ − x̄ₛ); singular values at or below
 * √ε · the largest (ε = 2.2e-16, xBalance's default pseudoinversion tolerance) count as
 * zero, as in RItools' XtX_pseudoinv_sqrt. Strata in which z does not vary are dropped,
 * as xBalance.find.goodstrats does.
 * Also returns each column's randomisation z and normal p (xBalance's `z` and `p`).
 */
import { chiSquaredUpperTail, normalUpperTail } from "./distributions.ts";
import { singularValueDecomposition } from "./singularValues.ts";
import { pushTo } from "../shared/collections.ts";

export const PSEUDOINVERSE_TOLERANCE = Math.sqrt(2.220446049250313e-16);

export interface OmnibusResult {
  readonly chiSquare: number;
  readonly df: number;
  readonly p: number;
  /** Per column: z = dⱼ / √Σⱼⱼ and its two-sided normal p (1 when Σⱼⱼ ≈ 0). */
  readonly columns: { readonly z: number; readonly p: number }[];
  readonly strataUsed: number;
}

/**
 * @param treated 0/1 per unit
 * @param columns covariate columns, each one value per unit
 * @param strata stratum label per unit (one label for an unstratified test)
 */
export function omnibusBalance(treated: readonly number[], columns: readonly (readonly number[])[], strata: readonly string[]): OmnibusResult {
  const n = treated.length;
  if (columns.some((c) => c.length !== n) || strata.length !== n) throw new Error("omnibusBalance requires one value per unit in every column and stratum");
  const members = new Map<string, number[]>();
  strata.forEach((s, i) => pushTo(members, s, i));

  const p = columns.length;
  const d = new Array<number>(p).fill(0);
  const diagonal = new Array<number>(p).fill(0);
  const rows: number[][] = columns.map(() => []);
  let strataUsed = 0;
  for (const units of members.values()) {
    const m = units.length;
    const treatedCount = units.reduce((sum, i) => sum + treated[i]!, 0);
    if (m < 2 || treatedCount === 0 || treatedCount === m) continue; // z does not vary: xBalance drops the stratum
    strataUsed += 1;
    const zMean = treatedCount / m;
    const zVariance = (treatedCount * (1 - zMean) ** 2 + (m - treatedCount) * zMean ** 2) / (m - 1);
    const root = Math.sqrt(zVariance);
    columns.forEach((column, j) => {
      let sum = 0;
      for (const i of units) sum += column[i]!;
      const stratumMean = sum / m;
      for (const i of units) {
        const centred = column[i]! - stratumMean;
        d[j]! += treated[i]! * centred;
        diagonal[j]! += zVariance * centred * centred;
        rows[j]!.push(root * centred);
      }
    });
  }
  const columnTests = d.map((dj, j) => {
    const variance = diagonal[j]!;
    if (variance <= 2.220446049250313e-16) return { z: 0, p: 1 };
    const z = dj / Math.sqrt(variance);
    return { z, p: 2 * normalUpperTail(Math.abs(z)) };
  });
  if (strataUsed === 0 || diagonal.every((v) => v <= 2.220446049250313e-16)) {
    return { chiSquare: 0, df: 0, p: 1, columns: columnTests, strataUsed };
  }
  const svd = singularValueDecomposition(rows);
  const largest = svd.values[0]!;
  let chiSquare = 0;
  let df = 0;
  svd.values.forEach((value, k) => {
    if (!(value > Math.max(PSEUDOINVERSE_TOLERANCE * largest, 0))) return;
    df += 1;
    const vector = svd.vectors[k]!;
    let projection = 0;
    for (let j = 0; j < p; j += 1) projection += d[j]! * vector[j]!;
    chiSquare += (projection / value) ** 2;
  });
  return { chiSquare, df, p: chiSquaredUpperTail(chiSquare, df), columns: columnTests, strataUsed };
}
