import { describe, expect, it } from "vitest";
import { allocation } from "../../../src/ingest/extracts/allocation.ts";

describe("allocation", () => {
  it("one key per person, whatever the arm: a second row is judged as an allocation repeat", () => {
    const a = { personId: "A", arm: "treatment" };
    expect(allocation.repeatKey(a, allocation.signature(a, [], []))).toBe(allocation.repeatKey({ ...a, arm: "control" }, null));
    expect([allocation.repeat, allocation.family, allocation.records, allocation.coverage(a)]).toEqual(["allocation", null, null, null]);
  });
});
