/** The assign stage's run on a hand-made cohort: roster, allocation, checks, balance and CONSORT in one artefact. */
import { describe, expect, it } from "vitest";
import { emptyGroups, isIntegrityCheck, run, type AssignInput } from "../../src/assign/index.ts";
import { verifyAllocation } from "../../src/assign/verifyAllocation.ts";
import type { IngestArtefact } from "../../src/ingest/schema.ts";
import { design, person, specWith } from "./cohort.ts";
import { day } from "../helpers.ts";

// Eight persons referred in 2021Q1 (four women), two in 2021Q2; randomised per quarter, blocked on sex.
const persons = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10"].map((id, i) =>
  person(id, i < 8 ? `2021-02-0${1 + (i % 8)}` : "2021-05-05", { female: i % 2 === 0 ? "1" : "0" }),
);
const assignment = design({ mode: "randomise", seed: 7, batches: "quarter", blocks: [{ covariate: "female" }] });
const ingest = { covariates: [{ id: "female", type: "binary" }], extracts: [] } as unknown as IngestArtefact;

function inputAsOf(asOf: string): AssignInput {
  return {
    spec: specWith(assignment, ["female"]),
    asOf: day(asOf),
    ingest,
    persons,
    primaryStatus: new Map(persons.map((p) => [p.personId, "observed"])),
    existingAllocation: null,
    existingLog: null,
    logLabel: "allocation-log.csv",
    files: { assignments: "assignments.csv", roster: "roster.csv", issues: "assignment-issues.csv" },
  };
}

describe("run(input)", () => {
  const output = run(inputAsOf("2021-04-15"));
  const assigned = output.assignmentsCsv.trim().split("\n").slice(1).map((line) => line.split(","));

  it("run(input as of 2021-04-15) randomises the ended quarter only: 8 assigned, 2 await 2021Q2", () => {
    expect(output.artefact.persons).toEqual({ enrolled: 10, assigned: 8, awaitingRandomisation: 2 });
    expect(assigned.map((r) => r[0]).sort()).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"]);
  });
  it("run(input) splits each block of four 2 : 2 at ratio 1 : 1", () => {
    for (const block of ["female=0", "female=1"]) {
      const arms = assigned.filter((r) => r[3] === block).map((r) => r[1]);
      expect(arms.filter((a) => a === "treatment")).toHaveLength(2);
      expect(arms.filter((a) => a === "control")).toHaveLength(2);
    }
  });
  it("run(input) writes a log the independent verifier recomputes, and the roster of all ten persons", () => {
    const verified = verifyAllocation(output.logText!, null);
    expect(verified.ok).toBe(true);
    expect(verified.lines).toBe(8);
    expect(output.artefact.log).toMatchObject({ file: "allocation-log.csv", lines: 8, appendedLines: 8 });
    expect(output.rosterCsv.trim().split("\n")).toHaveLength(1 + 10);
    expect(output.rosterCsv).toContain("P9,2021Q2,female=1,2021-05-05");
  });
  it("run(input) records the design and passes every integrity check", () => {
    expect(output.artefact.design).toMatchObject({ mode: "randomise", seed: 7, blocks: ["female"], batches: "quarter", randomised: true });
    const integrity = output.artefact.checks.filter((c) => isIntegrityCheck(c.id));
    expect(integrity.map((c) => c.id).sort()).toEqual(["assigned_exactly_once", "known_arm", "no_one_missing", "no_one_twice", "not_after_enrolment_closed", "not_before_referral", "only_enrolled_assigned"]);
    expect(integrity.filter((c) => c.passed !== true)).toEqual([]);
  });
  it("run(input) balances a blocked covariate exactly: female is 1/2 in each arm, difference 0", () => {
    const female = output.artefact.balance.rows.find((r) => r.covariate === "female")!;
    expect(female.difference).toBe(0);
    expect(output.artefact.balance.flagged).toEqual([]);
  });
  it("run(spec without an assignment) throws", () => {
    expect(() => run({ ...inputAsOf("2021-04-15"), spec: { ...specWith(assignment), assignment: undefined } as never })).toThrow("assign requires the spec's assignment");
  });
});

describe("emptyGroups(artefact, asOf) and isIntegrityCheck(id)", () => {
  it("emptyGroups(no one assigned yet) is the one issue no_one_assigned", () => {
    const early = run(inputAsOf("2021-03-01")).artefact;
    expect(early.persons.assigned).toBe(0);
    expect(emptyGroups(early, day("2021-03-01")).map((i) => i.code)).toEqual(["no_one_assigned"]);
  });
  it("emptyGroups(both arms filled) is empty; an arm with nobody randomised is arm_empty", () => {
    const { artefact } = run(inputAsOf("2021-04-15"));
    expect(emptyGroups(artefact, day("2021-04-15"))).toEqual([]);
    const oneArm = { ...artefact, consort: { ...artefact.consort, arms: artefact.consort.arms.map((a) => (a.arm === "treatment" ? { ...a, randomised: 0 } : a)) } };
    expect(emptyGroups(oneArm, day("2021-04-15")).map((i) => i.code)).toEqual(["arm_empty"]);
  });
  it("isIntegrityCheck(id) holds for the allocation's integrity and the cluster check, not for balance", () => {
    expect(isIntegrityCheck("no_one_twice")).toBe(true);
    expect(isIntegrityCheck("cluster_in_one_arm")).toBe(true);
    expect(isIntegrityCheck("ratio")).toBe(false);
  });
});
