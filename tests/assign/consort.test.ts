import { describe, expect, it } from "vitest";
import { consortFlow, type ConsortInput } from "../../src/assign/consort.ts";
import type { IngestArtefact } from "../../src/ingest/schema.ts";
import { armsOf, design, person, specWith } from "./cohort.ts";

const plain = design({ mode: "randomise", seed: 1 });
const at = (arm: string) => ({ arm, batch: "all", block: "all", time: null });
// T1–T4 treatment, C1–C3 control, W enrolled but awaiting; T1, T2 and C1 received the programme.
const persons = ["T1", "T2", "T3", "T4", "C1", "C2", "C3", "W"].map((id) => person(id, "2021-02-01", { receivedProgramme: ["T1", "T2", "C1"].includes(id) ? "1" : "0" }));
const status: Record<string, string> = { T1: "observed", T2: "censored:emigrated", T3: "censored:as_of", T4: "incomplete:quarantined_row", C1: "observed", C2: "not_applicable", C3: "censored:died" };
function inputFor(ingest: unknown, outcomeStatus?: ConsortInput["outcomeStatus"]): ConsortInput {
  return {
    spec: specWith(plain),
    ingest: ingest as IngestArtefact,
    persons,
    arms: armsOf(plain),
    enrolled: new Set(persons.map((p) => p.personId)),
    assigned: new Map(["T1", "T2", "T3", "T4", "C1", "C2", "C3"].map((id) => [id, at(id.startsWith("T") ? "treatment" : "control")])),
    primaryStatus: new Map(Object.entries(status)),
    ...(outcomeStatus ? { outcomeStatus } : {}),
  };
}

describe("consortFlow(input)", () => {
  const flow = consortFlow(inputFor({ extracts: [{ kind: "population", rowsRead: 12, rowsQuarantined: 3, issuesByRule: { bad_date: 3 }, persons: { read: 10, excludedByRule: { bad_date: 1, conflicting_rows: 1 } } }] }));

  it("consortFlow counts per arm randomised, received as allocated, lost by reason, incomplete and analysed (hand count)", () => {
    const [control, treatment] = flow.arms;
    expect(treatment).toMatchObject({
      arm: "treatment",
      randomised: 4,
      receivedAllocated: 2,
      didNotReceiveAllocated: 2,
      lostToFollowUp: { total: 2, followUpIncomplete: 1, emigrated: 1, died: 0, other: 0, extractCoverage: 0 },
      incomplete: { total: 1, quarantinedRow: 1, conflictingRows: 0 },
      notApplicable: 0,
      analysed: 1,
    });
    // Control: received as allocated = did not receive the programme (C2, C3).
    expect(control).toMatchObject({ arm: "control", randomised: 3, receivedAllocated: 2, didNotReceiveAllocated: 1, lostToFollowUp: { total: 1, died: 1 }, notApplicable: 1, analysed: 1 });
  });

  it("consortFlow takes assessed and excluded persons from ingest's person counts, and counts the enrolled not assigned", () => {
    expect(flow.assessed).toBe(10);
    expect(flow.excluded).toEqual({ total: 2, byRule: { bad_date: 1, conflicting_rows: 1 } });
    expect(flow.notAssigned).toBe(1);
    expect(flow.primaryOutcome).toBe("y");
  });

  it("consortFlow falls back to rows when ingest did not count persons", () => {
    const rows = consortFlow(inputFor({ extracts: [{ kind: "population", rowsRead: 12, rowsQuarantined: 3, issuesByRule: { bad_date: 3 } }] }));
    expect(rows.assessed).toBe(12);
    expect(rows.excluded).toEqual({ total: 3, byRule: { bad_date: 3 } });
  });

  it("consortFlow counts persons by outcome status per arm (primary outcome only without outcome statuses)", () => {
    expect(flow.outcomeStatusByArm).toEqual([
      { outcome: "y", arm: "control", byStatus: { "censored:died": 1, not_applicable: 1, observed: 1 } },
      { outcome: "y", arm: "treatment", byStatus: { "censored:as_of": 1, "censored:emigrated": 1, "incomplete:quarantined_row": 1, observed: 1 } },
    ]);
    const all = consortFlow(inputFor({ extracts: [] }, new Map([["T1", { y: "observed" }]])));
    // Without a status for a person: "unknown".
    expect(all.outcomeStatusByArm.find((r) => r.arm === "treatment")!.byStatus).toEqual({ observed: 1, unknown: 3 });
    expect(all.assessed).toBe(persons.length);
  });
});
