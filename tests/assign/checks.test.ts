import { describe, expect, it } from "vitest";
import { checkAllocation, participationOf, type CheckInput } from "../../src/assign/checks.ts";
import { NOTHING_ELSE, type Allocation, type Assigned } from "../../src/assign/allocate/allocation.ts";
import type { Check, PersonRow } from "../../src/assign/schema.ts";
import type { AssignmentSpec } from "../../src/spec/schema.ts";
import { armsOf, design, person, rosterOf } from "./cohort.ts";

const fromFile = design({ mode: "existing", file: "allocation.csv" });
const at = (arm: string, time: string | null = null, block = "all", batch = "all"): Assigned => ({ arm, batch, block, time });
const allocationOf = (assigned: Record<string, Assigned>, extra: Partial<Allocation> = {}): Allocation => ({ ...NOTHING_ELSE, assigned: new Map(Object.entries(assigned)), ...extra });
function inputFor(persons: readonly PersonRow[], allocation: Allocation, assignment: AssignmentSpec = fromFile): CheckInput {
  return { design: assignment, enrolmentClosed: "2021-12-31", roster: rosterOf(assignment, persons), arms: armsOf(assignment), persons, clusterOf: new Map(persons.map((p) => [p.personId, p.cluster ?? ""])), allocation };
}
const byId = (checks: readonly Check[]): Record<string, Check> => Object.fromEntries(checks.map((c) => [c.id, c]));

describe("checkAllocation(input)", () => {
  const persons = ["A", "B", "C", "D"].map((id) => person(id, "2021-02-01"));
  const allocation = allocationOf({ A: at("treatment", "2021-01-15"), B: at("control", "2022-01-05"), C: at("treatment", "2021-03-01") });
  const result = checkAllocation(inputFor(persons, allocation));
  const checks = byId(result.checks);

  it("checkAllocation finds the person missing from the file, the one assigned before referral and the one after enrolment closed", () => {
    expect(checks.no_one_missing).toMatchObject({ passed: false, count: 1 });
    expect(checks.assigned_exactly_once).toMatchObject({ passed: false, count: 1, detail: "3 of 4 enrolled persons assigned" });
    expect(checks.not_before_referral).toMatchObject({ passed: false, count: 1 });
    expect(checks.not_after_enrolment_closed).toMatchObject({ passed: false, count: 1 });
    expect(result.issues.map(([id, check]) => `${check}:${id}`)).toEqual(["no_one_missing:D", "not_before_referral:A", "not_after_enrolment_closed:B"]);
    expect(result.checks.map((c) => c.id)).toEqual(["assigned_exactly_once", "no_one_missing", "no_one_twice", "only_enrolled_assigned", "known_arm", "not_before_referral", "not_after_enrolment_closed", "ratio_overall", "crossovers"]);
  });

  it("checkAllocation cannot check timing without times, nor cross-overs without participation (passed null)", () => {
    const untimed = checkAllocation(inputFor(persons, allocationOf({ A: at("treatment"), B: at("control") })));
    expect(byId(untimed.checks).not_before_referral!.passed).toBeNull();
    expect(byId(untimed.checks).crossovers!.passed).toBeNull();
    expect(untimed.crossovers).toBeNull();
  });

  it("checkAllocation fails the ratio when all 6 of 6 land in one arm of 1:1 (binom.test(6, 6, 0.5): p = 2/64 = 0.03125)", () => {
    const six = ["A", "B", "C", "D", "E", "F"].map((id) => person(id, "2021-02-01"));
    const skewed = checkAllocation(inputFor(six, allocationOf(Object.fromEntries(six.map((p) => [p.personId, at("treatment")])))));
    expect(skewed.ratio.overall.p).toBeCloseTo(0.03125, 12);
    expect(byId(skewed.checks).ratio_overall!.passed).toBe(false);
    // Five of five: p = 2/32 = 0.0625 ≥ 0.05 passes.
    const five = checkAllocation(inputFor(six.slice(0, 5), allocationOf(Object.fromEntries(six.slice(0, 5).map((p) => [p.personId, at("treatment")])))));
    expect(five.ratio.overall.p).toBeCloseTo(0.0625, 12);
    expect(byId(five.checks).ratio_overall!.passed).toBe(true);
  });

  it("checkAllocation tests the ratio per block and per batch", () => {
    const two = checkAllocation(inputFor(persons, allocationOf({ A: at("treatment", null, "x"), B: at("control", null, "x"), C: at("treatment", null, "y", "q2") })));
    expect(two.ratio.perBlock.map((r) => [r.scope, r.n, r.counts])).toEqual([["x", 2, { control: 1, treatment: 1 }], ["y", 1, { control: 0, treatment: 1 }]]);
    expect(two.ratio.perBatch.map((r) => r.scope)).toEqual(["all", "q2"]);
  });

  it("checkAllocation counts control persons who received the programme, and allocated persons who did not", () => {
    const known = [person("A", "2021-02-01", { receivedProgramme: "1" }), person("B", "2021-02-01", { receivedProgramme: "1" }), person("C", "2021-02-01", { receivedProgramme: "0" })];
    const out = checkAllocation(inputFor(known, allocationOf({ A: at("treatment"), B: at("control"), C: at("treatment") })));
    expect(out.crossovers).toEqual({ controlsReceiving: 1, allocatedNotReceiving: 1 });
    expect(byId(out.checks).crossovers).toMatchObject({ passed: false, count: 1 });
    expect(out.issues).toEqual([["B", "crossovers", expect.any(String)]]);
    expect(participationOf(known).known).toBe(true);
    expect(participationOf([...known, person("D", "2021-02-01")]).known).toBe(false);
  });

  it("checkAllocation in a matched comparison counts no one as missing; persons listed twice fail assigned_exactly_once", () => {
    const matching = design({ mode: "matched", matchOn: [{ covariate: "sex" }] });
    const out = checkAllocation(inputFor(persons, allocationOf({ A: at("treatment") }), matching));
    expect(byId(out.checks).no_one_missing!.passed).toBe(true);
    const twice = checkAllocation(inputFor(persons.slice(0, 2), allocationOf({ A: at("treatment"), B: at("control") }, { duplicates: ["B"] })));
    expect(byId(twice.checks).assigned_exactly_once).toMatchObject({ passed: false, count: 1 });
    expect(byId(twice.checks).no_one_twice).toMatchObject({ passed: false, count: 1 });
  });

  it("checkAllocation of a cluster design lists every person of a cluster that holds two arms", () => {
    const clustered = design({ mode: "randomise", seed: 1, cluster: "team" });
    const teamed = [person("A", "2021-02-01", { cluster: "t1" }), person("B", "2021-02-01", { cluster: "t1" }), person("C", "2021-02-01", { cluster: "t2" })];
    const out = checkAllocation(inputFor(teamed, allocationOf({ A: at("treatment"), B: at("control"), C: at("control") }), clustered));
    expect(byId(out.checks).cluster_in_one_arm).toMatchObject({ passed: false, count: 2, detail: "2 clusters of column 'team'; 1 hold more than one arm" });
    expect(out.issues.filter(([, check]) => check === "cluster_in_one_arm").map(([id]) => id)).toEqual(["A", "B"]);
  });
});
