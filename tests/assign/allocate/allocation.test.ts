import { describe, expect, it } from "vitest";
import { NOTHING_ELSE, byPersonId } from "../../../src/assign/allocate/allocation.ts";

describe("allocation helpers", () => {
  it("byPersonId orders ids by code units, as the log and the tables do (not by locale or number)", () => {
    expect(["UF9", "uf1", "UF10", "Ø1", "A2"].sort(byPersonId)).toEqual(["A2", "UF10", "UF9", "uf1", "Ø1"]);
  });

  it("NOTHING_ELSE leaves a mode that only assigns with no issues, waiting persons, log or matching", () => {
    expect(NOTHING_ELSE).toMatchObject({ issues: [], awaiting: 0, lateWaiting: 0, duplicates: [], notEnrolled: [], unknownArm: [], log: null, matching: null });
    expect(NOTHING_ELSE.lateBatches.size).toBe(0);
  });
});
