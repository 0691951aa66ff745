/**
 * The CONSORT flow of the allocation: persons assessed and excluded (from ingest's
 * population counts), not assigned, and per arm randomised, received, lost to follow-up
 * by the primary outcome's censoring reason, incomplete and analysed; and per outcome and
 * arm the persons by outcome status.
 */
import type { EvaluationSpec } from "../spec/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { AssignmentArtefact, ConsortArm, PersonRow } from "./schema.ts";
import { participationOf } from "./checks.ts";
import type { Arm, Assigned } from "./allocate/allocation.ts";

export interface ConsortInput {
  readonly spec: EvaluationSpec;
  readonly ingest: IngestArtefact;
  readonly persons: readonly PersonRow[];
  readonly arms: readonly Arm[];
  readonly enrolled: ReadonlySet<string>;
  readonly assigned: ReadonlyMap<string, Assigned>;
  /** Person → status of the primary outcome (observed, censored:<reason>, not_applicable). */
  readonly primaryStatus: ReadonlyMap<string, string>;
  /** Person → outcome id → status; absent: the primary outcome only. */
  readonly outcomeStatus?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

export function consortFlow(input: ConsortInput): AssignmentArtefact["consort"] {
  const { persons, enrolled, assigned } = input;
  const population = input.ingest.extracts.find((e) => e.kind === "population");
  return {
    // Persons, not rows: a repeated row is not a second person, and a rejected row of a person who also has an accepted one is no exclusion.
    assessed: population?.persons?.read ?? population?.rowsRead ?? persons.length,
    excluded: population?.persons
      ? { total: Object.values(population.persons.excludedByRule).reduce((a, b) => a + b, 0), byRule: population.persons.excludedByRule }
      : { total: population?.rowsQuarantined ?? 0, byRule: population?.issuesByRule ?? {} },
    notAssigned: enrolled.size - [...assigned.keys()].filter((id) => enrolled.has(id)).length,
    primaryOutcome: input.spec.primaryOutcome ?? input.spec.outcomes[0]!.id,
    arms: consortArms(input),
    outcomeStatusByArm: outcomeStatusByArm(input.spec, input.arms.map((a) => a.name), assigned, enrolled, input.outcomeStatus, input.primaryStatus),
  };
}

/** Per arm: randomised, received as allocated, lost to follow-up by reason, incomplete, not applicable, analysed. */
function consortArms(input: ConsortInput): ConsortArm[] {
  const { received, known } = participationOf(input.persons);
  return input.arms.map((arm) => {
    const ids = [...input.assigned].filter(([, a]) => a.arm === arm.name).map(([id]) => id);
    const status = ids.map((id) => input.primaryStatus.get(id) ?? "");
    const reasonCount = (reason: string) => status.filter((s) => s === `censored:${reason}`).length;
    const lost = { followUpIncomplete: reasonCount("as_of"), emigrated: reasonCount("emigrated"), died: reasonCount("died"), other: reasonCount("other"), extractCoverage: reasonCount("extract_coverage") };
    const incomplete = { quarantinedRow: status.filter((s) => s === "incomplete:quarantined_row").length, conflictingRows: status.filter((s) => s === "incomplete:conflicting_rows").length };
    const receivedCount = ids.filter((id) => received.get(id) === (arm.control ? "0" : "1")).length;
    return {
      arm: arm.name,
      randomised: ids.length,
      receivedAllocated: known ? receivedCount : null,
      didNotReceiveAllocated: known ? ids.length - receivedCount : null,
      lostToFollowUp: { total: lost.followUpIncomplete + lost.emigrated + lost.died + lost.other + lost.extractCoverage, ...lost },
      incomplete: { total: incomplete.quarantinedRow + incomplete.conflictingRows, ...incomplete },
      notApplicable: status.filter((s) => s === "not_applicable").length,
      analysed: status.filter((s) => s === "observed").length,
    };
  });
}

/** Per outcome and arm: persons by status (observed, censored:<reason>, incomplete:<reason>, not_applicable). */
export function outcomeStatusByArm(
  spec: EvaluationSpec,
  armNames: readonly string[],
  assigned: ReadonlyMap<string, { readonly arm: string }>,
  enrolled: ReadonlySet<string>,
  statuses: ConsortInput["outcomeStatus"],
  primaryStatus: ReadonlyMap<string, string>,
): { outcome: string; arm: string; byStatus: Record<string, number> }[] {
  const primary = spec.primaryOutcome ?? spec.outcomes[0]!.id;
  const outcomeIds = statuses ? spec.outcomes.map((o) => o.id) : [primary];
  const rows: { outcome: string; arm: string; byStatus: Record<string, number> }[] = [];
  for (const outcome of outcomeIds) {
    for (const arm of armNames) {
      const byStatus: Record<string, number> = {};
      for (const [id, a] of assigned) {
        if (a.arm !== arm || !enrolled.has(id)) continue;
        const status = (statuses ? statuses.get(id)?.[outcome] : primaryStatus.get(id)) || "unknown";
        byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
      rows.push({ outcome, arm, byStatus: Object.fromEntries(Object.entries(byStatus).sort(([x], [y]) => (x < y ? -1 : 1))) });
    }
  }
  return rows;
}
