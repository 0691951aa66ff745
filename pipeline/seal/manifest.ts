/**
 * The run manifest: SHA-256 of every input (spec, extracts, code lists, assumption and
 * contract files, outcome tables, allocation), the seeds, the versions, and every output,
 * so that anyone can check that a run's artefacts come from these inputs. Only
 * `createdAt` differs between two runs on the same inputs.
 */
import { z } from "zod";
import { FileHash } from "../../src/shared/fileHash.ts";
import { PlanStatus } from "../../src/spec/analysisPlan.ts";

export const Manifest = z.object({
  artefact: z.literal("manifest"),
  schema_version: z.literal(1),
  createdAt: z.string(),
  evaluation: z.string(),
  asOf: z.string(),
  versions: z.record(z.string(), z.string()),
  seeds: z.record(z.string(), z.number()),
  inputs: z.array(FileHash),
  outputs: z.array(FileHash),
  plan: PlanStatus.optional().describe("The spec against its locked analysis plan: locked, lockedAt, sha256, deviations"),
  population: z
    .object({ extract: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
    .optional()
    .describe("The population followed (src/spec/populationSource.ts): its extract's name and the SHA-256 of its declaration without path, dialect or coverage; --compare takes only a run with the same"),
});
export type Manifest = z.infer<typeof Manifest>;

export interface VerifyResult {
  readonly ok: boolean;
  readonly checked: number;
  readonly changed: string[];
  readonly missing: string[];
}

/** Compares recorded hashes with recomputed ones (null = the file is gone). */
export function compareHashes(recorded: readonly FileHash[], actual: ReadonlyMap<string, string | null>): VerifyResult {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const file of recorded) {
    const now = actual.get(file.path);
    if (now === null || now === undefined) missing.push(`${file.role}: ${file.path}`);
    else if (now !== file.sha256) changed.push(`${file.role}: ${file.path}`);
  }
  return { ok: changed.length === 0 && missing.length === 0, checked: recorded.length, changed, missing };
}
