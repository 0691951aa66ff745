/**
 * Multiple-testing adjustment across a family of p-values, as R's `p.adjust`.
 * Holm (1979): step-down, pᵢ · (m − i + 1) made monotone. Benjamini & Hochberg (1995):
 * step-up, pᵢ · m / i made monotone from the largest. Both capped at 1.
 */

export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const order = [...p.keys()].sort((a, b) => p[a]! - p[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}

export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = [...p.keys()].sort((a, b) => p[b]! - p[a]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach((index, k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p[index]!);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}
