/** Hand-made cohorts for the assign steps: persons, their roster, a partial spec and the allocation input. */
import { Assignment, type AssignmentSpec, type EvaluationSpec } from "../../src/spec/schema.ts";
import { batchOf, blockOf } from "../../src/assign/blockAndBatch.ts";
import type { PersonRow, RosterEntry } from "../../src/assign/schema.ts";
import type { AllocationInput, AllocationMode, Arm, DesignOf } from "../../src/assign/allocate/allocation.ts";
import { day } from "../helpers.ts";

/** A person referred on `referred` (yyyy-mm-dd) with extra population columns. */
export function person(personId: string, referred: string, columns: Record<string, string> = {}): PersonRow {
  return { personId, startDate: referred, referralDate: referred, exitDate: "", exitReason: "", receivedProgramme: "", ...columns };
}

/** The spec's assignment, defaults filled in as the spec parser fills them. */
export function design<M extends AllocationMode>(loose: { readonly mode: M } & Record<string, unknown>): DesignOf<M> {
  return Assignment.parse(loose) as DesignOf<M>;
}

/** A spec with only what the assign steps read (enrolment, outcomes, covariates, assignment). */
export function specWith(assignment: AssignmentSpec, covariates: readonly string[] = []): EvaluationSpec {
  return {
    name: "test",
    enrolment: { from: "2021-01-01", to: "2021-12-31" },
    outcomes: [{ id: "y" }],
    covariates: covariates.map((id) => ({ id })),
    assignment,
  } as unknown as EvaluationSpec;
}

export function armsOf(assignment: AssignmentSpec): Arm[] {
  const total = assignment.arms.reduce((sum, a) => sum + a.ratio, 0);
  return assignment.arms.map((a) => ({ name: a.name, ratio: a.ratio, probability: a.ratio / total, control: a.control }));
}

export function rosterOf(assignment: AssignmentSpec, persons: readonly PersonRow[]): RosterEntry[] {
  const period = assignment.mode === "randomise" ? assignment.batches : "none";
  return persons.map((p) => ({ personId: p.personId, batch: batchOf(period, p.referralDate), block: blockOf(assignment.blocks, (id) => p[id] ?? ""), referred: p.referralDate }));
}

/** The input every allocation mode is given, as of `asOf` (yyyy-mm-dd). */
export function allocationInput(assignment: AssignmentSpec, persons: readonly PersonRow[], asOf: string, extra: Partial<AllocationInput> = {}): AllocationInput {
  return {
    spec: specWith(assignment),
    asOf: day(asOf),
    persons,
    roster: rosterOf(assignment, persons),
    arms: armsOf(assignment),
    clusterOf: new Map(persons.map((p) => [p.personId, p.cluster ?? ""])),
    existingAllocation: null,
    existingLog: null,
    logLabel: "allocation-log.csv",
    ...extra,
  };
}
