/**
 * Which of a column's values a message may list (arms, levels): a few — at most MAX_LISTED_VALUES —
 * and none that looks like a CPR number (src/ingest/containsCpr.ts); otherwise only how many there
 * are. The caller decides with this; src/messages.ts only formats what it is given.
 */
import { containsCpr } from "../ingest/containsCpr.ts";

export const MAX_LISTED_VALUES = 10;

/** The values to list, or only their number. */
export type ValuesToShow = { readonly listed: readonly string[] } | { readonly count: number };

export function valuesToShow(values: readonly string[]): ValuesToShow {
  return values.length <= MAX_LISTED_VALUES && !values.some((value) => containsCpr(value)) ? { listed: values } : { count: values.length };
}
