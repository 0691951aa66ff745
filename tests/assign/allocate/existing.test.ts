import { describe, expect, it } from "vitest";
import { existing } from "../../../src/assign/allocate/existing.ts";
import type { AllocationRecord, QuarantineEntry } from "../../../src/ingest/schema.ts";
import { allocationInput, design, person } from "../cohort.ts";
import { day } from "../../helpers.ts";

const persons = ["A", "B", "C", "D"].map((id) => person(id, "2021-02-01", { sex: id < "C" ? "f" : "m" }));
const record = (personId: string, arm: string, extra: Partial<AllocationRecord> = {}): AllocationRecord => ({ personId, arm, batch: null, block: null, time: null, ...extra });
const duplicate = (value: string, line: number): QuarantineEntry => ({ file: "allocation.csv", line, column: "personId", value, rule: "duplicate_person", message: "" });

describe("existing(design, input)", () => {
  const plain = design({ mode: "existing", file: "allocation.csv" });
  const records = [record("A", "treatment", { batch: "w1", block: "b1", time: day("2021-02-03") }), record("B", "control"), record("C", "placebo"), record("E", "control")];
  const input = allocationInput(plain, persons, "2021-12-31", { existingAllocation: { records, quarantine: [duplicate("B", 7)] } });
  const result = existing(plain, input);

  it("existing assigns the file's arms, taking batch, block and time from the file", () => {
    expect(result.assigned.get("A")).toEqual({ arm: "treatment", batch: "w1", block: "b1", time: "2021-02-03" });
    // Without batch or block in the file: the roster's batch ("all" without batches) and block "all".
    expect(result.assigned.get("B")).toEqual({ arm: "control", batch: "all", block: "all", time: null });
    expect([...result.assigned.keys()]).toEqual(["A", "B"]);
  });

  it("existing refuses an unknown arm and a person not in the population, and lists a person listed twice", () => {
    expect(result.unknownArm).toEqual(["C"]);
    expect(result.notEnrolled).toEqual(["E"]);
    expect(result.duplicates).toEqual(["B"]);
    expect(result.issues.map(([id, check]) => `${check}:${id}`)).toEqual(["known_arm:C", "only_enrolled_assigned:E", "no_one_twice:B"]);
    expect(result.issues[2]![2]).toContain("line 7");
    expect(result.log).toBeNull();
  });

  it("existing takes the block from the spec's blocking variables, not the file, when the design names them", () => {
    const blocked = design({ mode: "existing", file: "allocation.csv", blocks: [{ covariate: "sex" }] });
    const out = existing(blocked, allocationInput(blocked, persons, "2021-12-31", { existingAllocation: { records, quarantine: [] } }));
    expect(out.assigned.get("A")?.block).toBe("sex=f");
  });
});
