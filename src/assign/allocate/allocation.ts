/**
 * What an allocation mode decides: who is in which arm (batch, block, time), who waits,
 * what went wrong with whom — as data, for the checks, balance and CONSORT steps to read.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { AssignmentSpec, EvaluationSpec } from "../../spec/schema.ts";
import type { AllocationRecord, QuarantineEntry } from "../../ingest/schema.ts";
import type { PersonRow, RosterEntry } from "../schema.ts";

/** The allocation modes of the spec's assignment. */
export type AllocationMode = AssignmentSpec["mode"];
/** The spec's assignment of one mode. */
export type DesignOf<M extends AllocationMode> = Extract<AssignmentSpec, { mode: M }>;

/** One person's place in the allocation. */
export interface Assigned {
  readonly arm: string;
  readonly batch: string;
  readonly block: string;
  /** When assigned, yyyy-mm-dd; null when the allocation does not say. */
  readonly time: string | null;
}

/** A line of work/assignment-issues.csv: person, check id, detail. */
export type IssueRow = readonly [personId: string, check: string, detail: string];

/** An arm of the design with its allocation probability. */
export interface Arm {
  readonly name: string;
  readonly ratio: number;
  readonly probability: number;
  readonly control: boolean;
}

/** The matched comparison's description and counts (assignment.json `matching`, without balance before matching). */
export interface Matching {
  readonly description: string;
  readonly variables: string[];
  readonly match_on: { covariate: string; breaks: number[] | null }[];
  readonly ratio: number;
  readonly seed: number;
  readonly programme: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly pool: number;
  readonly drawn: number;
}

/** What every mode is given: the roster and the inputs the stage read. */
export interface AllocationInput {
  readonly spec: EvaluationSpec;
  readonly asOf: DayNumber;
  readonly persons: readonly PersonRow[];
  readonly roster: readonly RosterEntry[];
  readonly arms: readonly Arm[];
  /** Person → cluster (the population's cluster column; "" without one). */
  readonly clusterOf: ReadonlyMap<string, string>;
  /** Mode "existing": the allocation file's accepted records and quarantined rows. */
  readonly existingAllocation: { readonly records: readonly AllocationRecord[]; readonly quarantine: readonly QuarantineEntry[] } | null;
  /** Mode "randomise" with a persistent log that already exists: its text. */
  readonly existingLog: string | null;
  /** How the log is named in messages. */
  readonly logLabel: string;
}

/** What a mode decided. */
export interface Allocation {
  readonly assigned: ReadonlyMap<string, Assigned>;
  /** Issue rows in the order they were found. */
  readonly issues: readonly IssueRow[];
  /** Enrolled persons whose batch has not ended by the as-of date. */
  readonly awaiting: number;
  /** Persons registered late into a randomised batch who wait unallocated. */
  readonly lateWaiting: number;
  /** Person → the late batch (`<batch>+late<k>`) they were randomised in. */
  readonly lateBatches: ReadonlyMap<string, string>;
  /** Persons listed more than once in the allocation file. */
  readonly duplicates: readonly string[];
  /** Persons in the allocation file but not in the population. */
  readonly notEnrolled: readonly string[];
  /** Persons assigned to an arm the spec does not name. */
  readonly unknownArm: readonly string[];
  /** The allocation log after this run (randomise), and how many lines it gained. */
  readonly log: { readonly text: string; readonly appendedLines: number } | null;
  readonly matching: Matching | null;
}

/** An allocation with nothing beyond who is where: the fields a mode does not use. */
export const NOTHING_ELSE = {
  issues: [],
  awaiting: 0,
  lateWaiting: 0,
  lateBatches: new Map<string, string>(),
  duplicates: [],
  notEnrolled: [],
  unknownArm: [],
  log: null,
  matching: null,
} as const satisfies Omit<Allocation, "assigned">;

/** One allocation mode: its part of the spec and the inputs → what it decided. */
export type Allocator<M extends AllocationMode> = (design: DesignOf<M>, input: AllocationInput) => Allocation;

/** Sort by person id (the order every step reads persons in). */
export const byPersonId = (a: string, b: string): number => (a < b ? -1 : 1);
