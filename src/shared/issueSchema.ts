/** The issue shape (src/shared/issues.ts) as a zod schema, for artefacts that carry issues. */
import { z } from "zod";

export const IssueSchema = z.object({
  code: z.string(),
  file: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])),
  line: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
});
