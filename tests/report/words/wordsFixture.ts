/** Sample parameters for every note code, read off its zod schema: numbers 3, strings "treatment", nullable null. */
import { z } from "zod";
import { NOTE_PARAMS, type NoteCode } from "../../../src/shared/note.ts";

function sampleOf(schema: z.ZodType): number | string | null {
  const def = (schema as unknown as { _zod: { def: { type: string; options?: string[]; entries?: Record<string, string> } } })._zod.def;
  if (def.type === "number") return 3;
  if (def.type === "nullable") return null;
  if (def.type === "enum") return Object.values(def.entries ?? {})[0] ?? null;
  return "treatment";
}

export function sampleParams(code: NoteCode): Record<string, number | string | null> {
  const shape = (NOTE_PARAMS[code] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, sampleOf(schema)]));
}
