/**
 * What the assign stage reads (the person table ingest wrote) and writes: the
 * allocation log, the assignment table and the `assignment.json` artefact.
 */
import { z } from "zod";

/** One row of work/persons.csv as ingest wrote it; covariates stay as text until their type is known. */
export const PersonRow = z
  .object({
    personId: z.string().min(1),
    startDate: z.string(),
    referralDate: z.string(),
    exitDate: z.string(),
    exitReason: z.string(),
    receivedProgramme: z.string(),
  })
  .catchall(z.string());
export type PersonRow = z.infer<typeof PersonRow>;

/** A person on the roster to randomise: who, in which batch and block, referred when. */
export interface RosterEntry {
  readonly personId: string;
  readonly batch: string;
  readonly block: string;
  /** Referral date (start date when none), yyyy-mm-dd. */
  readonly referred: string;
}

/** One line of the allocation log. */
export interface AllocationLine {
  readonly line: number;
  readonly personId: string;
  readonly batch: string;
  readonly block: string;
  /** The person's cluster, on a cluster-randomised log. */
  readonly cluster?: string;
  readonly arm: string;
  /** When the batch was randomised, yyyy-mm-dd. */
  readonly time: string;
  readonly sha256: string;
}

const Count = z.number().int().nonnegative();

export const ArmBalance = z.object({ arm: z.string(), n: Count, mean: z.number().nullable(), sd: z.number().nullable() });

export const BalanceRow = z.object({
  covariate: z.string(),
  level: z.string().nullable().describe("For a categorical covariate: the level this row describes (its share)."),
  type: z.enum(["continuous", "binary", "categorical"]),
  comparison: z.string().describe("<arm> vs <control arm>"),
  arms: z.array(ArmBalance),
  difference: z.number().describe("Mean (or share) in the arm minus the control arm."),
  smd: z.number().nullable(),
  smdDenominator: z.string(),
  test: z.enum(["welch_t", "pearson_chi_square"]),
  statistic: z.number().nullable(),
  df: z.number().nullable(),
  p: z.number().nullable(),
  flagged: z.boolean(),
});
export type BalanceRow = z.infer<typeof BalanceRow>;

export const OmnibusTest = z.object({
  comparison: z.string(),
  method: z.string(),
  strata: z.string(),
  chiSquare: z.number(),
  df: Count,
  p: z.number(),
  covariateColumns: z.array(z.string()),
});
export type OmnibusTest = z.infer<typeof OmnibusTest>;

/** The allocation's checks, by id (words for each in src/report/words/). */
export const CHECK_IDS = [
  "assigned_exactly_once", "no_one_missing", "no_one_twice", "only_enrolled_assigned", "known_arm", "not_before_referral",
  "not_after_enrolment_closed", "ratio_overall", "crossovers", "cluster_in_one_arm",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const Check = z.object({
  id: z.enum(CHECK_IDS),
  passed: z.boolean().nullable().describe("null when it could not be checked (the data to check it are not there)."),
  count: Count.describe("Persons (or lines) that break the rule."),
  detail: z.string(),
});
export type Check = z.infer<typeof Check>;

export const RatioTest = z.object({
  scope: z.string().describe("overall, or a block or batch label"),
  n: Count,
  counts: z.record(z.string(), Count),
  planned: z.record(z.string(), z.number()),
  test: z.enum(["exact_binomial", "chi_square_goodness_of_fit", "none"]),
  p: z.number().nullable(),
});
export type RatioTest = z.infer<typeof RatioTest>;

export const ConsortArm = z.object({
  arm: z.string(),
  randomised: Count,
  receivedAllocated: Count.nullable().describe("null when no participation extract says who received the programme."),
  didNotReceiveAllocated: Count.nullable(),
  lostToFollowUp: z.object({ total: Count, followUpIncomplete: Count, emigrated: Count, died: Count, other: Count, extractCoverage: Count.default(0).describe("An extract the outcome reads does not reach the end of the window.") }).describe("By the primary outcome's censoring reason."),
  incomplete: z.object({ total: Count, quarantinedRow: Count, conflictingRows: Count }).default({ total: 0, quarantinedRow: 0, conflictingRows: 0 }).describe("The primary outcome's window holds a rejected or conflicting row: no value."),
  notApplicable: Count.describe("The primary outcome does not apply (e.g. re-conviction for a person never released)."),
  analysed: Count,
});
export type ConsortArm = z.infer<typeof ConsortArm>;

export const AssignmentArtefact = z.object({
  artefact: z.literal("assignment"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  asOf: z.string(),
  design: z.object({
    mode: z.enum(["randomise", "existing", "matched"]),
    algorithm: z.string().nullable(),
    seed: z.number().nullable(),
    arms: z.array(z.object({ name: z.string(), ratio: z.number(), probability: z.number(), control: z.boolean() })),
    blocks: z.array(z.string()),
    batches: z.string().nullable(),
    randomised: z.boolean().describe("false for a matched comparison: its differences are not causal effects"),
    cluster: z.string().optional().describe("Cluster randomisation: the population column naming each person's cluster (absent: persons are the units)."),
  }),
  matching: z
    .object({
      description: z.string(),
      variables: z.array(z.string()).describe("The matching variables with their bands, as in the description"),
      match_on: z
        .array(z.object({ covariate: z.string(), breaks: z.array(z.number()).nullable() }))
        .describe("The matching variables as data: each covariate and the band limits it was cut at (null: matched on its exact value)"),
      ratio: z.number().int(),
      seed: z.number().int(),
      programme: Count,
      matched: Count,
      unmatched: Count,
      pool: Count,
      drawn: Count,
      balanceBefore: z.object({ rows: z.array(BalanceRow), omnibus: z.array(OmnibusTest) }).nullable(),
    })
    .nullable(),
  log: z.object({ file: z.string(), lines: Count, chainHead: z.string(), appendedLines: Count }).nullable(),
  persons: z.object({ enrolled: Count, assigned: Count, awaitingRandomisation: Count.describe("Enrolled in a batch whose period has not ended by the as-of date.") }),
  checks: z.array(Check),
  ratio: z.object({ overall: RatioTest, perBlock: z.array(RatioTest), perBatch: z.array(RatioTest) }),
  crossovers: z
    .object({ controlsReceiving: Count, allocatedNotReceiving: Count })
    .nullable()
    .describe("null when the spec names no programme_participation extract."),
  balance: z.object({ threshold: z.number(), rows: z.array(BalanceRow), omnibus: z.array(OmnibusTest), flagged: z.array(z.string()) }),
  clusterBalance: z
    .object({ unit: z.string(), comparisons: z.array(z.object({ comparison: z.string(), clusters: z.record(z.string(), Count), rows: z.array(BalanceRow) })) })
    .optional()
    .describe("Cluster randomisation: balance of the clusters' covariate means per arm (Welch t on cluster means); absent without a cluster column."),
  consort: z.object({
    assessed: Count.describe("Distinct persons on the population's rows (a row whose id cannot be read counts as one)."),
    excluded: z.object({ total: Count, byRule: z.record(z.string(), Count) }).describe("Persons with no accepted population row, by the rule of their first rejected row (conflicting_rows: listed twice with other values)."),
    notAssigned: Count,
    primaryOutcome: z.string(),
    arms: z.array(ConsortArm),
    outcomeStatusByArm: z
      .array(z.object({ outcome: z.string(), arm: z.string(), byStatus: z.record(z.string(), Count) }))
      .default([])
      .describe("Assigned enrolled persons per outcome, arm and status (observed, censored:<reason>, incomplete:<reason>, not_applicable)."),
  }),
  files: z.object({ assignments: z.string(), roster: z.string(), issues: z.string() }),
});
export type AssignmentArtefact = z.infer<typeof AssignmentArtefact>;

/** One row of work/assignments.csv. */
export const AssignmentRow = z.object({ personId: z.string(), arm: z.string(), batch: z.string(), block: z.string() });
export type AssignmentRow = z.infer<typeof AssignmentRow>;
