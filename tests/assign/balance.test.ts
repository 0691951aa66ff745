import { describe, expect, it } from "vitest";
import { balanceOfAllocation, type BalanceInput } from "../../src/assign/balance.ts";
import type { Assigned } from "../../src/assign/allocate/allocation.ts";
import type { PersonRow } from "../../src/assign/schema.ts";
import type { AssignmentSpec } from "../../src/spec/schema.ts";
import { armsOf, design, person } from "./cohort.ts";

const at = (arm: string, block = "all"): Assigned => ({ arm, batch: "all", block, time: null });
const ages: Record<string, string> = { A: "20", B: "22", C: "24", D: "30", E: "32", X: "100" };
const persons = Object.entries(ages).map(([id, age]) => person(id, "2021-02-01", { age }));
function inputFor(assignment: AssignmentSpec, assigned: Record<string, Assigned>, cohort: readonly PersonRow[] = persons): BalanceInput {
  return {
    design: assignment,
    arms: armsOf(assignment),
    persons: cohort,
    covariateIds: ["age"],
    typeOf: new Map([["age", "continuous" as const]]),
    enrolled: new Set(cohort.map((p) => p.personId).filter((id) => id !== "X")),
    assigned: new Map(Object.entries(assigned)),
    clusterOf: new Map(cohort.map((p) => [p.personId, p.cluster ?? ""])),
  };
}
const plain = design({ mode: "randomise", seed: 1 });
const arms = { A: at("treatment", "b1"), B: at("treatment", "b1"), C: at("treatment", "b2"), D: at("control", "b1"), E: at("control", "b2"), X: at("treatment", "b2") };

describe("balanceOfAllocation(input)", () => {
  const result = balanceOfAllocation(inputFor(plain, arms));

  it("balanceOfAllocation compares the enrolled persons of each arm with the control arm (means 22 and 31; X, not enrolled, left out)", () => {
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row.comparison).toBe("treatment vs control");
    expect(row.arms.map((a) => [a.arm, a.n, a.mean])).toEqual([["treatment", 3, 22], ["control", 2, 31]]);
    expect(row.difference).toBe(-9);
  });

  it("balanceOfAllocation's omnibus χ² is the permutation test of the treated sum (hand: d = 66 − 3·25.6 = −10.8, Var = 3·2/(5·4)·107.2 = 32.16, χ² = 3.6269)", () => {
    const none = result.omnibus.find((o) => o.strata === "none")!;
    expect(none.chiSquare).toBeCloseTo(116.64 / 32.16, 10);
    expect(none.df).toBe(1);
    // pchisq(3.626866, 1, lower.tail = FALSE) = 0.05686
    expect(none.p).toBeCloseTo(0.05686, 4);
    // Two blocks: also stratified by block.
    expect(result.omnibus.map((o) => o.strata)).toEqual(["none", "blocks"]);
    const oneBlock = balanceOfAllocation(inputFor(plain, Object.fromEntries(Object.entries(arms).map(([id, a]) => [id, { ...a, block: "all" }]))));
    expect(oneBlock.omnibus.map((o) => o.strata)).toEqual(["none"]);
    expect(result.clusters).toBeNull();
    expect(result.beforeMatching).toBeNull();
  });

  it("balanceOfAllocation of an empty arm has no rows (nothing to compare)", () => {
    const empty = balanceOfAllocation(inputFor(plain, { A: at("treatment"), B: at("treatment") }));
    expect(empty.rows).toEqual([]);
    expect(empty.omnibus).toEqual([]);
  });

  it("balanceOfAllocation of a cluster design compares cluster means (treatment 21, 24; control 31, 40: difference 22.5 − 35.5 = −13)", () => {
    const clustered = design({ mode: "randomise", seed: 1, cluster: "team" });
    const teams: Record<string, string> = { A: "t1", B: "t1", C: "t2", D: "t3", E: "t3", F: "t4" };
    const cohort = [...persons.filter((p) => p.personId !== "X"), person("F", "2021-02-01", { age: "40" })].map((p) => ({ ...p, cluster: teams[p.personId]! }));
    const out = balanceOfAllocation(inputFor(clustered, { A: at("treatment"), B: at("treatment"), C: at("treatment"), D: at("control"), E: at("control"), F: at("control") }, cohort));
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters![0]!.clusters).toEqual({ treatment: 2, control: 2 });
    expect(out.clusters![0]!.rows[0]!.difference).toBeCloseTo(-13, 12);
  });

  it("balanceOfAllocation of a matched comparison also compares the programme group with the whole pool before matching", () => {
    const matching = design({ mode: "matched", matchOn: [{ covariate: "age", breaks: [25] }] });
    const cohort = persons.filter((p) => p.personId !== "X").map((p) => ({ ...p, receivedProgramme: p.personId === "A" ? "1" : "0" }));
    const out = balanceOfAllocation(inputFor(matching, { A: at("treatment"), B: at("control") }, cohort));
    expect(out.rows[0]!.difference).toBe(-2);
    // Before matching: A (20) against B–E (22, 24, 30, 32: mean 27).
    expect(out.beforeMatching!.rows[0]!.difference).toBe(-7);
  });
});
