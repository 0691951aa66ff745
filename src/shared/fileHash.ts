/** A file of a run named by its role, its path relative to the output folder, and its SHA-256: what the manifest records and the report shows. */
import { z } from "zod";

export const FileHash = z.object({ role: z.string(), path: z.string().describe("Relative to the output folder"), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type FileHash = z.infer<typeof FileHash>;
