import { describe, expect, it } from "vitest";
import { population } from "../../../src/ingest/extracts/population.ts";
import type { ExtractContext } from "../../../src/ingest/ingestExtract.ts";
import { day } from "../../helpers.ts";

const context = { enrolment: { from: day("2023-01-01"), to: day("2023-12-31") } } as ExtractContext;
const row = { personId: "A", birthDate: day("2000-01-01"), startDate: day("2023-06-01"), exitDate: null, exitReason: null };
const ruleOf = (changes: object) => population.checkRow!({ ...row, ...changes }, context)?.rule ?? null;

describe("population", () => {
  it("checkRow takes a start on either end of the enrolment period and refuses one a day outside", () => {
    expect(ruleOf({ startDate: day("2023-01-01") })).toBeNull();
    expect(ruleOf({ startDate: day("2023-12-31") })).toBeNull();
    expect(ruleOf({ startDate: day("2022-12-31") })).toBe("start_outside_enrolment");
    expect(ruleOf({ startDate: day("2024-01-01") })).toBe("start_outside_enrolment");
  });

  it("checkRow refuses a birth after start, an exit before start, and an exit date without its reason", () => {
    expect(ruleOf({ birthDate: day("2023-06-02") })).toBe("birth_after_start");
    expect(ruleOf({ exitDate: day("2023-05-31"), exitReason: "died" })).toBe("exit_before_start");
    expect(population.checkRow!({ ...row, exitDate: day("2023-07-01") }, context)).toMatchObject({ field: "exitReason", rule: "missing_value" });
    expect(population.checkRow!({ ...row, exitReason: "died" }, context)).toMatchObject({ field: "exitDate", rule: "missing_value" });
  });

  it("is one row per person, and says nothing of coverage", () => {
    expect([population.repeat, population.repeatKey(row, null), population.coverage(row), population.flagSpan(row)]).toEqual(["person", "", null, { from: null, to: null }]);
  });
});
