/**
 * The JSON path of the first key or string in a JSON document (a spec, an assumption, contract or
 * portfolio file) that holds a CPR-like value, or null. Those files give the report its labels,
 * arm names, category mappings and file names, so a CPR number in one would be published or
 * printed: the file is refused, naming the path, never the value. A SHA-256 in hex is skipped
 * (its digits can fall into a date-like run by chance).
 */
import { containsCpr } from "../ingest/containsCpr.ts";
import type { IssuePath } from "./issues.ts";

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function findCprInJson(value: unknown, path: IssuePath = []): IssuePath | null {
  if (typeof value === "string") return !SHA256_HEX.test(value) && containsCpr(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findCprInJson(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (containsCpr(key)) return [...path, key.replace(/\d/g, "#")];
      const found = findCprInJson(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
