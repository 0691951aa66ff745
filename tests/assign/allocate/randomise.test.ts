import { describe, expect, it } from "vitest";
import { batchHasEnded, lateBatchOf, randomise } from "../../../src/assign/allocate/randomise.ts";
import { verifyAllocation } from "../../../src/assign/verifyAllocation.ts";
import { parseLog } from "../../../src/assign/allocationLog.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { allocationInput, design, person } from "../cohort.ts";
import { day } from "../../helpers.ts";

const quarterly = (extra: Record<string, unknown> = {}) => design({ mode: "randomise", seed: 20210101, batches: "quarter", ...extra });
// Eight persons referred in 2021Q1, four in 2021Q2.
const q1 = ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"].map((id, i) => person(id, `2021-0${1 + (i % 3)}-1${i}`));
const q2 = ["P09", "P10", "P11", "P12"].map((id) => person(id, "2021-05-05"));

describe("randomise(design, input)", () => {
  it("randomise draws the batches ended by the as-of date (4 + 4 of 8 at 1:1), the rest await theirs", () => {
    const result = randomise(quarterly(), allocationInput(quarterly(), [...q1, ...q2], "2021-04-15"));
    expect([...result.assigned.keys()].sort()).toEqual(q1.map((p) => p.personId));
    const arms = [...result.assigned.values()].map((a) => a.arm);
    expect(arms.filter((a) => a === "treatment")).toHaveLength(4);
    expect(arms.filter((a) => a === "control")).toHaveLength(4);
    expect(result.awaiting).toBe(4);
    // The batch is timed by its latest referral: P06, 2021-03-15.
    expect(new Set([...result.assigned.values()].map((a) => `${a.batch} ${a.time}`))).toEqual(new Set(["2021Q1 2021-03-15"]));
    expect(result.log!.appendedLines).toBe(8);
  });

  it("randomise writes a log that the independent verifier recomputes line by line", () => {
    const result = randomise(quarterly(), allocationInput(quarterly(), [...q1, ...q2], "2021-07-01"));
    const verified = verifyAllocation(result.log!.text, null);
    expect(verified.chain.ok && verified.allocation.ok).toBe(true);
    expect(parseLog(result.log!.text).lines.map((l) => [l.personId, l.arm])).toEqual([...result.assigned].map(([id, a]) => [id, a.arm]));
  });

  it("randomise keeps every person on the log in their arm and draws a late registration in a batch of its own", () => {
    const first = randomise(quarterly(), allocationInput(quarterly(), q1, "2021-04-15"));
    const late = person("P00", "2021-02-10");
    const second = randomise(quarterly(), allocationInput(quarterly(), [...q1, late], "2021-04-20", { existingLog: first.log!.text }));
    for (const [id, a] of first.assigned) expect(second.assigned.get(id)).toEqual(a);
    expect(second.lateBatches.get("P00")).toBe("2021Q1+late1");
    expect(second.assigned.get("P00")?.batch).toBe("2021Q1+late1");
    expect(second.log!.appendedLines).toBe(1);
    expect(parseLog(second.log!.text).lines).toHaveLength(9);
  });

  it('randomise with lateRegistration "wait" leaves a late registration unallocated and lists it', () => {
    const waiting = quarterly({ lateRegistration: "wait" });
    const first = randomise(waiting, allocationInput(waiting, q1, "2021-04-15"));
    const second = randomise(waiting, allocationInput(waiting, [...q1, person("P00", "2021-02-10")], "2021-04-20", { existingLog: first.log!.text }));
    expect(second.assigned.has("P00")).toBe(false);
    expect(second.lateWaiting).toBe(1);
    expect(second.issues).toEqual([["P00", "late_registration", expect.stringContaining("2021Q1")]]);
    expect(second.log!.appendedLines).toBe(0);
  });

  it("randomise stops when the design changed since the log was written (it would re-draw everyone on it)", () => {
    const first = randomise(quarterly(), allocationInput(quarterly(), q1, "2021-04-15"));
    const reseeded = quarterly({ seed: 7 });
    expect(() => randomise(reseeded, allocationInput(reseeded, q1, "2021-04-15", { existingLog: first.log!.text }))).toThrow(StopRun);
    try {
      randomise(reseeded, allocationInput(reseeded, q1, "2021-04-15", { existingLog: first.log!.text }));
    } catch (error) {
      expect((error as StopRun).issues[0]!.code).toBe("log_header_differs");
    }
  });

  it("randomise stops when a log line was edited (its arm changed)", () => {
    const first = randomise(quarterly(), allocationInput(quarterly(), q1, "2021-04-15"));
    const tampered = first.log!.text.replace(/,(control|treatment),/, (_, arm) => `,${arm === "control" ? "treatment" : "control"},`);
    expect(tampered).not.toBe(first.log!.text);
    expect(() => randomise(quarterly(), allocationInput(quarterly(), q1, "2021-04-15", { existingLog: tampered }))).toThrow(StopRun);
  });
});

describe("batchHasEnded and lateBatchOf", () => {
  it("batchHasEnded(quarter, 2021Q1, asOf) is true from 2021-03-31 on, false on 2021-03-30", () => {
    expect(batchHasEnded("quarter", "2021Q1", day("2021-03-31"))).toBe(true);
    expect(batchHasEnded("quarter", "2021Q1", day("2021-03-30"))).toBe(false);
    expect(batchHasEnded("month", "2021-12", day("2021-12-31"))).toBe(true);
    expect(batchHasEnded("year", "2021", day("2021-12-30"))).toBe(false);
    expect(batchHasEnded("none", "all", day("2000-01-01"))).toBe(true);
  });

  it("lateBatchOf(batch, logged) takes the next free late number", () => {
    expect(lateBatchOf("2021Q1", new Set(["2021Q1"]))).toBe("2021Q1+late1");
    expect(lateBatchOf("2021Q1", new Set(["2021Q1", "2021Q1+late1", "2021Q1+late2"]))).toBe("2021Q1+late3");
  });
});
