/**
 * True when free text (a malformed CSV line, a cell with more than one value) holds a
 * token that looks like a CPR number: the text is split on anything that is neither a
 * digit nor a hyphen, and each piece is checked with `looksLikeCpr`.
 *
 * @example
 * containsCpr('1;"110295-3782"x;2') // true
 */
import { looksLikeCpr } from "./looksLikeCpr.ts";

export function containsCpr(text: string): boolean {
  if (text.length < 10) return false;
  return text.split(/[^0-9-]+/).some((token) => looksLikeCpr(token) || token.split("-").some(looksLikeCpr));
}
