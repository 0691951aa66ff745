/**
 * The p-value of a group-sequential test by stage-wise ordering (Armitage 1957; Fairbanks & Madsen
 * 1982; Tsiatis, Rosner & Mehta 1984; J&T 2000 §8.4; rpact `getFinalPValue`): stopping at look k*
 * with statistic z*, the chance under no effect of stopping earlier, or at k* with a statistic at
 * least as extreme,
 *   p = Σ_{j<k*} P₀(cross at j) + P₀(continue to k*, Z_k* ≥ z*)   (one-sided),
 * two-sided with |Z| for Z on both sides. It is below α exactly when the boundary is crossed at
 * k*, and is meant for the look that ends the evaluation (early stop or the final look). Futility
 * bounds are non-binding and are not used, as rpact with `bindingFutility = FALSE`.
 */
import { efficacyRegion, type HeldLook, type SpendingPlan } from "./lookBoundary.ts";
import { continuationGrid, exitProbabilities } from "./sequentialIntegration.ts";

/**
 * @param plan α, sides, spending (only `sides` is read: the boundaries are the held ones)
 * @param held the looks before this one, with their boundaries
 * @param fraction this look's information fraction
 * @param z this look's test statistic
 */
export function stagewiseAdjustedP(plan: SpendingPlan, held: readonly HeldLook[], fraction: number, z: number): number {
  if (!Number.isFinite(z)) throw new Error("stagewiseAdjustedP requires a finite z");
  const earlier = held.reduce((sum, look, k) => {
    const grid = continuationGrid(held.slice(0, k).map((h) => efficacyRegion(plan, h)), look.fraction, 0);
    const exit = exitProbabilities(grid, look.fraction, plan.sides === 2 ? -look.boundary : -Infinity, look.boundary, 0);
    return sum + exit.above + exit.below;
  }, 0);
  const grid = continuationGrid(held.map((h) => efficacyRegion(plan, h)), fraction, 0);
  const extreme = plan.sides === 2 ? Math.abs(z) : z;
  const here = exitProbabilities(grid, fraction, plan.sides === 2 ? -extreme : -Infinity, extreme, 0);
  return Math.min(1, earlier + here.above + here.below);
}
