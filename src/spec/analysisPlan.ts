/**
 * The analysis plan (pre-registration): everything in a spec that defines the analysis —
 * outcomes and their windows, the primary outcome, covariates, estimation (adjustment
 * covariates, subgroups, randomisation inference, seed, confidence level, hence α), KPI
 * thresholds, the assignment design and seed, the monitoring plan, and the contract terms by the hash of each
 * contract file. `effekt lock-plan` fixes it in plan.lock.json; every later run compares.
 * Left out: paths, dialects, the as-of date and the report's presentation, which may change
 * between quarterly runs without changing the analysis.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { EvaluationSpec } from "./schema.ts";

export interface AnalysisPlan {
  readonly outcomes: unknown;
  readonly primaryOutcome: string;
  readonly covariates: unknown;
  readonly estimation: unknown;
  readonly kpis: unknown;
  readonly assignment: unknown;
  /** The monitoring plan, without where its log lives (absent: no monitoring, and the plan's hash as before). */
  readonly monitoring?: unknown;
  readonly contracts: readonly { readonly file: string; readonly sha256: string | null }[];
}

export const PlanLock = z.object({
  artefact: z.literal("planLock"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  lockedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  afterOutcomes: z.boolean().describe("Locked after outcome data had been estimated (--after-outcomes)"),
  allocationLogChainHead: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the plan as canonical JSON (keys sorted)"),
  plan: z.record(z.string(), z.unknown()),
});
export type PlanLock = z.infer<typeof PlanLock>;

export const Deviation = z.object({ path: z.string(), locked: z.string(), now: z.string() });
export type Deviation = z.infer<typeof Deviation>;

export const PlanStatus = z.object({
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  sha256: z.string().nullable(),
  afterOutcomes: z.boolean(),
  deviations: z.array(Deviation),
});
export type PlanStatus = z.infer<typeof PlanStatus>;

export const NOT_LOCKED: PlanStatus = { locked: false, lockedAt: null, sha256: null, afterOutcomes: false, deviations: [] };

/** The plan of a spec; `contractHashes` in the spec's order (null: the file is missing). */
export function analysisPlanOf(spec: EvaluationSpec, contractHashes: readonly { file: string; sha256: string | null }[]): AnalysisPlan {
  const design = spec.assignment;
  // Where the allocation or its log lives is not part of the design.
  const assignment = design === undefined ? null : Object.fromEntries(Object.entries(design).filter(([key]) => key !== "log" && key !== "file" && key !== "dialect" && key !== "dateFormat" && key !== "columns"));
  return {
    outcomes: spec.outcomes,
    primaryOutcome: spec.primaryOutcome ?? spec.outcomes[0]!.id,
    covariates: spec.covariates,
    estimation: spec.estimation,
    kpis: spec.kpis,
    assignment,
    ...(spec.monitoring === undefined ? {} : { monitoring: Object.fromEntries(Object.entries(spec.monitoring).filter(([key]) => key !== "log")) }),
    contracts: contractHashes,
  };
}

/** JSON with object keys sorted at every level, so that the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function planHash(plan: unknown): string {
  return createHash("sha256").update(canonicalJson(plan)).digest("hex");
}

const shownValue = (value: unknown) => (value === undefined ? "(absent)" : canonicalJson(value).slice(0, 200));

/** Every leaf where the current plan differs from the locked one, by JSON path (`outcomes[2].windowMonths`). */
export function planDeviations(locked: unknown, now: unknown, path = ""): Deviation[] {
  const isObject = (v: unknown) => v !== null && typeof v === "object";
  if (isObject(locked) && isObject(now) && Array.isArray(locked) === Array.isArray(now)) {
    const keys = Array.isArray(locked)
      ? Array.from({ length: Math.max(locked.length, (now as unknown[]).length) }, (_, i) => i)
      : [...new Set([...Object.keys(locked as object), ...Object.keys(now as object)])].sort();
    return keys.flatMap((key) =>
      planDeviations((locked as Record<string | number, unknown>)[key], (now as Record<string | number, unknown>)[key], typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`),
    );
  }
  return canonicalJson(locked ?? null) === canonicalJson(now ?? null) && (locked === undefined) === (now === undefined) ? [] : [{ path, locked: shownValue(locked), now: shownValue(now) }];
}
