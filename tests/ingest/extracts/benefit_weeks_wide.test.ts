import { describe, expect, it } from "vitest";
import { benefitWeeksWide } from "../../../src/ingest/extracts/benefit_weeks_wide.ts";
import { day } from "../../helpers.ts";

const weekColumns = [
  { column: "y_2401", index: 1, week: day("2024-01-01") },
  { column: "y_2402", index: 2, week: day("2024-01-08") },
];

describe("benefit_weeks_wide", () => {
  it("signature(row, cells) is the week cells trimmed: ' 134' and '134' are the same row, '651' another", () => {
    const of = (cells: string[]) => benefitWeeksWide.signature({}, cells, weekColumns);
    expect(of(["A", " 134", ""])).toBe(of(["A", "134", ""]));
    expect(of(["A", "134", "651"])).not.toBe(of(["A", "134", ""]));
  });

  it("one key per person; the rows say nothing of coverage (the week columns do)", () => {
    expect([benefitWeeksWide.repeatKey({}, "x"), benefitWeeksWide.coverage({}), benefitWeeksWide.flagSpan({}), benefitWeeksWide.family]).toEqual(["", null, { from: null, to: null }, "benefit_weeks"]);
  });
});
