import { describe, expect, it } from "vitest";
import { againstControl } from "../../src/kpi/types.ts";

describe("againstControl(direction)", () => {
  it("is true only for the two directions that compare with the comparison group", () => {
    expect(againstControl("below_control")).toBe(true);
    expect(againstControl("above_control")).toBe(true);
    expect(againstControl("at_least")).toBe(false);
    expect(againstControl("at_most")).toBe(false);
  });
});
