/**
 * A categorical covariate as the regressions take it, the one rule for both ways the analysis
 * table is built (`effekt run` from the pipeline's persons, `effekt estimate --table` from a
 * researcher's CSV): one 0/1 column `<column>=<level>` per level other than the reference level
 * (as R's `factor`, `relevel`; default the first level in sorted order).
 *
 * A missing value (an empty cell, or NA) is missing — NaN in every indicator — and never a
 * level of its own: the missing-covariate rule then decides, as for any covariate (`drop` leaves
 * the person out of the adjusted estimators, as `lm`'s na.omit does; `indicator` adds one
 * `<column>_missing`, which spans the same design as a "missing" level would; `stop` names them).
 */

/** An empty (or blank) cell or NA, in any case: no value. */
export function isMissingCategory(value: string): boolean {
  const text = value.trim();
  return text === "" || text.toUpperCase() === "NA";
}

export type CategoricalIndicators =
  | { readonly reference: string; readonly levels: readonly string[]; readonly indicators: readonly { readonly name: string; readonly values: Float64Array }[] }
  | { readonly reference: null; readonly levels: readonly string[]; readonly indicators: readonly [] };

/**
 * @param column the covariate's name, the prefix of its indicator columns
 * @param values one per person, as read (trimmed here)
 * @param reference the reference level, or null for the first level in sorted order
 * @returns the indicators, or `reference: null` when the named reference is not among the levels (or there is none)
 */
export function categoricalIndicators(column: string, values: readonly string[], reference: string | null): CategoricalIndicators {
  const texts = values.map((v) => v.trim());
  const missing = texts.map(isMissingCategory);
  const levels = [...new Set(texts.filter((_, i) => !missing[i]))].sort();
  const chosen = reference ?? levels[0];
  if (chosen === undefined || !levels.includes(chosen)) return { reference: null, levels, indicators: [] };
  const indicators = levels
    .filter((level) => level !== chosen)
    .map((level) => ({ name: `${column}=${level}`, values: Float64Array.from(texts, (v, i) => (missing[i] ? NaN : Number(v === level))) }));
  return { reference: chosen, levels, indicators };
}
