// Issues are checked by code, file, line and column (their words belong to src/messages.ts and its tests).
import { describe, expect, it } from "vitest";
import { parseOutcomeTable } from "../../src/repay/parseOutcomeTable.ts";

const parse = (text: string, needed: readonly string[] = ["job"]) => parseOutcomeTable(text, "outcomes.csv", "contract.json", needed);
const where = (result: ReturnType<typeof parse>) => ("issues" in result ? result.issues.map(({ code, file, line, column }) => ({ code, file, line, column })) : result);

describe("parseOutcomeTable(text, file, contractFile, needed)", () => {
  it("parseOutcomeTable reads one row per person and period, 0/1 as numbers, empty as not measured", () => {
    const result = parse("person_id,period,observed_on,job,education\np1,2024,2024-03-01,1,\np2,2024,2024-04-15,0,1\n");
    expect(result).toEqual({
      rows: [
        { personId: "p1", period: "2024", outcomes: { job: 1, education: null }, observedOn: "2024-03-01" },
        { personId: "p2", period: "2024", outcomes: { job: 0, education: 1 }, observedOn: "2024-04-15" },
      ],
    });
  });

  it("parseOutcomeTable names every bad cell by line and column: a 2 in job, a date that does not exist", () => {
    const result = parse("person_id,period,observed_on,job\np1,2024,2024-02-30,1\np2,2024,2024-03-01,2\n");
    expect(where(result)).toEqual([
      { code: "invalid_observed_on", file: "outcomes.csv", line: 2, column: "observed_on" },
      { code: "invalid_outcome", file: "outcomes.csv", line: 3, column: "job" },
    ]);
  });

  it("parseOutcomeTable refuses a table without person_id/period, without observed_on, or without an outcome the contract needs", () => {
    expect(where(parse("id,period,observed_on,job\n"))).toEqual([{ code: "outcome_table_header", file: "outcomes.csv", line: 1, column: undefined }]);
    expect(where(parse("person_id,period,job\np1,2024,1\n"))).toEqual([{ code: "outcome_table_undated", file: "outcomes.csv", line: 1, column: "observed_on" }]);
    expect(where(parse("person_id,period,observed_on,job\n", ["job", "housing"]))).toEqual([{ code: "unknown_outcome", file: "outcomes.csv", line: 1, column: undefined }]);
  });

  it("parseOutcomeTable reports a malformed CSV (an unclosed quote) as one issue, not a crash", () => {
    expect(where(parse('person_id,period,observed_on,job\n"p1,2024,2024-01-01,1\n'))).toEqual([{ code: "outcome_table_malformed", file: "outcomes.csv", line: undefined, column: undefined }]);
  });
});
