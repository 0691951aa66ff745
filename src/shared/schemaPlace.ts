/** Where a zod error failed, in words for one line: its first failing path (`balance.rows.0.difference`) and how many more there are — never a value. */
import type { z } from "zod";

export function schemaPlace(error: z.ZodError): string {
  const first = error.issues[0];
  const path = first === undefined || first.path.length === 0 ? "the top" : first.path.map(String).join(".");
  return error.issues.length > 1 ? `${path}, and ${error.issues.length - 1} more` : path;
}
