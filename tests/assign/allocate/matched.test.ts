import { describe, expect, it } from "vitest";
import { matched } from "../../../src/assign/allocate/matched.ts";
import { allocationInput, design, person } from "../cohort.ts";

// Stratum sex=f: programme P1, P2 and pool C1–C5; stratum sex=m: programme P3–P5 and pool C6, C7.
const persons = [
  ...["P1", "P2"].map((id) => person(id, "2021-03-01", { sex: "f", receivedProgramme: "1" })),
  ...["P3", "P4", "P5"].map((id) => person(id, "2021-03-01", { sex: "m", receivedProgramme: "1" })),
  ...["C1", "C2", "C3", "C4", "C5"].map((id) => person(id, "2021-03-01", { sex: "f", receivedProgramme: "0" })),
  ...["C6", "C7"].map((id) => person(id, "2021-03-01", { sex: "m", receivedProgramme: "0" })),
];
const twoEach = design({ mode: "matched", matchOn: [{ covariate: "sex" }], ratio: 2, seed: 11 });

describe("matched(design, input)", () => {
  it("matched gives each matched programme person exactly `ratio` comparison persons of its own stratum (hand count: 3 matched, 2 unmatched, 6 drawn)", () => {
    const result = matched(twoEach, allocationInput(twoEach, persons, "2021-12-31"));
    const inArm = (arm: string, block: string) => [...result.assigned].filter(([, a]) => a.arm === arm && a.block === block).map(([id]) => id).sort();
    // sex=f: min(2, ⌊5/2⌋) = 2 matched, 4 of the 5 drawn.
    expect(inArm("treatment", "sex=f")).toEqual(["P1", "P2"]);
    expect(inArm("control", "sex=f")).toHaveLength(4);
    expect(inArm("control", "sex=f").every((id) => ["C1", "C2", "C3", "C4", "C5"].includes(id))).toBe(true);
    // sex=m: min(3, ⌊2/2⌋) = 1 matched, both comparison persons drawn, two programme persons unmatched.
    expect(inArm("treatment", "sex=m")).toHaveLength(1);
    expect(inArm("control", "sex=m")).toEqual(["C6", "C7"]);
    expect(result.issues.map(([id, check]) => check + ":" + id).sort()).toEqual(
      ["P3", "P4", "P5"].filter((id) => !result.assigned.has(id)).map((id) => "unmatched:" + id),
    );
    expect(result.matching).toMatchObject({ programme: 5, matched: 3, unmatched: 2, pool: 7, drawn: 6, ratio: 2, seed: 11, variables: ["sex"], match_on: [{ covariate: "sex", breaks: null }] });
    expect([...result.assigned.values()].every((a) => a.batch === "matched" && a.time === null)).toBe(true);
  });

  it("matched draws the same persons for the same seed, whatever order the persons arrive in", () => {
    const a = matched(twoEach, allocationInput(twoEach, persons, "2021-12-31"));
    const b = matched(twoEach, allocationInput(twoEach, [...persons].reverse(), "2021-12-31"));
    expect([...b.assigned].sort()).toEqual([...a.assigned].sort());
  });

  it("matched names banded matching variables with their bands", () => {
    const banded = design({ mode: "matched", matchOn: [{ covariate: "age", breaks: [25] }], ratio: 1 });
    const cohort = [person("P", "2021-03-01", { age: "20", receivedProgramme: "1" }), person("C", "2021-03-01", { age: "22", receivedProgramme: "0" }), person("D", "2021-03-01", { age: "30", receivedProgramme: "0" })];
    const result = matched(banded, allocationInput(banded, cohort, "2021-12-31"));
    expect(result.matching!.variables).toEqual(["age (bands at 25)"]);
    expect(result.matching!.match_on).toEqual([{ covariate: "age", breaks: [25] }]);
    // Only C shares P's band [-∞;25).
    expect(result.assigned.get("C")).toMatchObject({ arm: "control", block: "age=[-∞;25)" });
    expect(result.assigned.has("D")).toBe(false);
  });
});
