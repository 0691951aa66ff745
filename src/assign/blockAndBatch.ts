/**
 * The block and batch a person belongs to. Blocks are labelled by their variables'
 * values (`female=1 × age=[23;∞)`); batches by the period of the referral date.
 */
import type { BlockVariableSpec } from "../spec/schema.ts";

/** The label of one blocking variable's value: the value itself, or the band [a;b) it falls in. */
export function blockPart(variable: BlockVariableSpec, value: string): string {
  if (value === "") return `${variable.covariate}=(missing)`;
  if (!variable.breaks) return `${variable.covariate}=${value}`;
  const x = Number(value);
  const breaks = [...variable.breaks].sort((a, b) => a - b);
  const upper = breaks.findIndex((b) => x < b);
  const low = upper === 0 ? "-∞" : String(breaks[(upper < 0 ? breaks.length : upper) - 1]);
  const high = upper < 0 ? "∞" : String(breaks[upper]);
  return `${variable.covariate}=[${low};${high})`;
}

/** The block of a person: every blocking variable's part, joined; "all" without blocking. */
export function blockOf(variables: readonly BlockVariableSpec[], valueOf: (covariate: string) => string): string {
  return variables.length === 0 ? "all" : variables.map((v) => blockPart(v, valueOf(v.covariate))).join(" × ");
}

/** The batch of a date (yyyy-mm-dd): 2021Q4, 2021-10, 2021, or "all". */
export function batchOf(period: "none" | "month" | "quarter" | "year", date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case "none":
      return "all";
    case "year":
      return year;
    case "month":
      return date.slice(0, 7);
    case "quarter":
      return `${year}Q${Math.ceil(month / 3)}`;
  }
}
