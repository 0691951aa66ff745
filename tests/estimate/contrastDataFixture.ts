/** A ContrastData from treated and control outcome values, units numbered in order (treated first). */
import type { ContrastData } from "../../src/estimate/contrastData.ts";

export function contrastOf(treated: readonly number[], control: readonly number[], confidence = 0.95): ContrastData {
  const y = [...treated, ...control];
  return { outcome: "y", contrast: "treatment vs control", units: y.map((_, i) => i), z: [...treated.map(() => 1), ...control.map(() => 0)], y, confidence };
}
