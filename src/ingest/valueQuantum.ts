/**
 * The largest unit every observed value of an outcome is a whole multiple of: 1 for whole days, 7 for days counted
 * in whole weeks, 0.01 for kroner and øre, 1 for a 0/1 outcome. A mean of such values times n is a whole number of
 * units, so a mean printed beside a hidden n can give n back (the disclosure engine, src/report/disclosure/, asks how
 * precisely). Null when no unit of at least 10⁻⁶ divides the values (truly continuous, or rates).
 *
 * @example
 * valueQuantum([7, 14, 0, 21]) // 7
 * valueQuantum([12.5, 100.25]) // 0.25
 * valueQuantum([1 / 3]) // null
 */
const MAX_DECIMALS = 6;

export function valueQuantum(values: Iterable<number>): number | null {
  let decimals = 0;
  let scaled: number[] = [];
  for (const value of values) {
    if (!Number.isFinite(value)) return null;
    while (!isWhole(value * 10 ** decimals)) {
      decimals += 1;
      if (decimals > MAX_DECIMALS) return null;
      scaled = scaled.map((s) => s * 10);
    }
    scaled.push(Math.abs(Math.round(value * 10 ** decimals)));
  }
  if (scaled.length === 0) return null;
  let unit = 0;
  for (const s of scaled) unit = gcd(unit, s);
  // Every value 0: any unit divides them; a mean of 0 gives no n back.
  return unit === 0 ? 1 : unit / 10 ** decimals;
}

function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
