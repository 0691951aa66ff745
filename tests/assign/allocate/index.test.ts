import { describe, expect, it } from "vitest";
import { allocate, allocators } from "../../../src/assign/allocate/index.ts";
import { allocationInput, design, person } from "../cohort.ts";

describe("allocate(design, input)", () => {
  it("allocate hands the design to the allocator of its mode", () => {
    expect(Object.keys(allocators).sort()).toEqual(["existing", "matched", "randomise"]);
    const persons = [person("A", "2021-02-01"), person("B", "2021-02-01")];
    const fromFile = design({ mode: "existing", file: "allocation.csv" });
    const records = [{ personId: "A", arm: "control", batch: null, block: null, time: null }, { personId: "B", arm: "treatment", batch: null, block: null, time: null }];
    const read = allocate(fromFile, allocationInput(fromFile, persons, "2021-12-31", { existingAllocation: { records, quarantine: [] } }));
    expect([...read.assigned].map(([id, a]) => `${id}:${a.arm}`)).toEqual(["A:control", "B:treatment"]);
    const drawn = allocate(design({ mode: "randomise", seed: 1, batches: "none" }), allocationInput(design({ mode: "randomise", seed: 1, batches: "none" }), persons, "2021-12-31"));
    expect(drawn.log?.appendedLines).toBe(2);
    expect([...drawn.assigned.values()].map((a) => a.arm).sort()).toEqual(["control", "treatment"]);
  });
});
