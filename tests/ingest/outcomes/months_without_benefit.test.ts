import { describe, expect, it } from "vitest";
import { monthsWithoutBenefit } from "../../../src/ingest/outcomes/months_without_benefit.ts";
import { deriveWith, person, recordsOf, value, weeks } from "./outcomeFixture.ts";

// A starts 2023-01-15, window 6 months = [2023-01-15, 2023-07-15). Whole calendar months inside: Feb–Jun (5).
// Support weeks: Monday 2023-02-06 (February) and Monday 2023-05-29 (May): 3 months without benefit.
const persons = [person("A", "2023-01-15")];
const panel = weeks("A", [["2023-01-16", "134"], ["2023-02-06", "134"], ["2023-05-29", "134"], ["2023-04-03", "521"]]);

describe("monthsWithoutBenefit", () => {
  it("monthsWithoutBenefit.derive counts the whole calendar months of the window with no week in the groups", () => {
    expect(deriveWith(monthsWithoutBenefit, { kind: "months_without_benefit", windowMonths: 6 }, recordsOf(persons, {}, panel))!.A).toEqual(value(3));
  });

  it("monthsWithoutBenefit.derive with the flex-job group too: April also has a week in it → 2", () => {
    expect(deriveWith(monthsWithoutBenefit, { kind: "months_without_benefit", windowMonths: 6, groups: ["public_support", "flex_job"] }, recordsOf(persons, {}, panel))!.A).toEqual(value(2));
  });
});
