/**
 * The control arm when none is named: 0 for a 0/1-coded treatment column, else the one arm
 * named control or kontrol (any case); null when neither says which (never guessed).
 */
export function chooseControl(arms: readonly string[]): string | null {
  if (arms.length === 2 && arms.includes("0") && arms.includes("1")) return "0";
  const named = arms.filter((a) => ["control", "kontrol"].includes(a.trim().toLowerCase()));
  return named.length === 1 ? named[0]! : null;
}
