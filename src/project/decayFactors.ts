/**
 * The factor by which a line's first-year effect is multiplied in each year, and the
 * convention, in words, that the output names.
 */
import type { Decay } from "./schema.ts";

export function decayFactors(decay: Decay, years: number): number[] {
  const factors: number[] = [];
  for (let t = 1; t <= years; t += 1) {
    switch (decay.kind) {
      case "constant":
        factors.push(1);
        break;
      case "vector":
        factors.push(decay.factors[t - 1] ?? 0);
        break;
      case "constant_then_geometric":
        factors.push(t <= decay.constantYears ? 1 : (1 - decay.annualDecayRate) ** (t - decay.constantYears));
        break;
      case "step": {
        const level = [...decay.levels].sort((a, b) => a.fromYear - b.fromYear).filter((l) => l.fromYear <= t).at(-1);
        factors.push(level ? level.factor : 1);
        break;
      }
      case "linear":
        factors.push(t <= decay.constantYears ? 1 : Math.max(0, 1 - decay.annualDecrease * (t - decay.constantYears)));
        break;
    }
  }
  return factors;
}

export function decayConvention(decay: Decay): string {
  switch (decay.kind) {
    case "constant":
      return "constant over the horizon";
    case "vector":
      return `explicit factors by year: ${decay.factors.join(", ")} (0 after)`;
    case "constant_then_geometric":
      return `constant in years 1–${decay.constantYears}, then geometric: the level falls by ${100 * decay.annualDecayRate} % of the remaining level each year (year t: (1 − r)^(t − ${decay.constantYears}))`;
    case "step":
      return `steps: ${[...decay.levels].sort((a, b) => a.fromYear - b.fromYear).map((l) => `from year ${l.fromYear} × ${l.factor}`).join(", ")} (× 1 before)`;
    case "linear":
      return `constant in years 1–${decay.constantYears}, then linear: ${100 * decay.annualDecrease} % of the first-year level less each year, down to 0`;
  }
}
