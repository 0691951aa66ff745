/**
 * A label a person reads: plain text, or the same text in Danish and English (`{ "da": "I uddannelse", "en": "In
 * education" }`). Plain text stays valid and is shown as it is in either language.
 */
import { z } from "zod";

export const Label = z.union([z.string(), z.strictObject({ da: z.string().min(1), en: z.string().min(1) })]);
export type Label = z.infer<typeof Label>;

/** The label in a language; plain text as it is. */
export function labelIn(lang: "da" | "en", label: Label): string {
  return typeof label === "string" ? label : label[lang];
}
