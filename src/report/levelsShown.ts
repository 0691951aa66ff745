/**
 * Which values of a categorical covariate the report may print by name. A value of the data
 * (a target group, a subgroup level) is printed only when at least `minCell` persons hold it:
 * a value fewer persons hold — a person's name typed into a category column, a rare note — could
 * name them even where its counts are suppressed. Such a value is shown as "a value held by fewer
 * than 5 persons, not shown: A", lettered within its covariate (a digit there would read as a
 * count), and its counts stay in their rows
 * (the disclosure engine ties rows by position, not by name).
 *
 * Persons per value come from the balance table (randomised persons: arm + control, the smallest
 * over the comparisons); a value the balance table does not hold is judged by the fewest persons
 * of any subgroup row it has. The tool's own words for a level (bands `[23;∞)`, `(missing)`) are
 * always shown.
 */
import type { ReportInput } from "./sections/section.ts";

export type LevelName = (covariate: string, level: string) => string;

/** `(covariate, level) → the level as it is printed`: the level itself, or its lettered stand-in (A, B, …, Z, AA, …). */
export function levelsShown(run: ReportInput["run"], minCell: number, standIn: (letters: string) => string): LevelName {
  const persons = new Map<string, number>();
  const fewest = (key: string, n: number) => persons.set(key, Math.min(persons.get(key) ?? Infinity, n));
  for (const r of [...(run.assignment?.balance.rows ?? []), ...(run.assignment?.matching?.balanceBefore?.rows ?? [])]) {
    if (r.type !== "categorical" || r.level === null) continue;
    const held = r.arms.reduce((sum, a) => sum + (a.mean === null ? 0 : Math.round(a.mean * a.n)), 0);
    fewest(keyOf(r.covariate, r.level), held);
  }
  const inBalance = new Set(persons.keys());
  for (const s of run.effects?.subgroups ?? []) if (!inBalance.has(keyOf(s.subgroup, s.level))) fewest(keyOf(s.subgroup, s.level), s.n_treated + s.n_control);
  const hidden = new Map<string, number>();
  const perCovariate = new Map<string, number>();
  for (const [key, n] of [...persons].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [covariate, level] = key.split("\u0000") as [string, string];
    if (n >= minCell || isOwnWord(level)) continue;
    const k = (perCovariate.get(covariate) ?? 0) + 1;
    perCovariate.set(covariate, k);
    hidden.set(key, k);
  }
  return (covariate, level) => {
    const k = hidden.get(keyOf(covariate, level));
    return k === undefined ? level : standIn(lettersOf(k));
  };
}

const keyOf = (covariate: string, level: string) => `${covariate}\u0000${level}`;

/** A band as blockPart writes it, or the missing level: words of the tool, not of the data. */
function isOwnWord(level: string): boolean {
  return level === "(missing)" || /^\[(-∞|-?[\d.]+);(∞|-?[\d.]+)\)$/.test(level);
}

/** 1 → A, 26 → Z, 27 → AA: a stand-in's name without a digit. */
function lettersOf(k: number): string {
  let name = "";
  for (let n = k; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
