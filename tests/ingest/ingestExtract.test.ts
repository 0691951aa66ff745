import { describe, expect, it } from "vitest";
import { ingestExtract, type ExtractContext } from "../../src/ingest/ingestExtract.ts";
import { Extract } from "../../src/spec/schema.ts";
import { StopRun } from "../../src/shared/issues.ts";
import { messages } from "../../src/messages.ts";
import { day, rowsOf } from "../helpers.ts";

const codes = { groupOfCode: new Map([["134", "public_support"], ["651", "su"]]), absentGroup: "self_supporting" };

function context(spec: unknown, overrides: Partial<ExtractContext> = {}): ExtractContext {
  return {
    name: "x",
    file: "x.csv",
    spec: Extract.parse(spec),
    decimal: ",",
    delimiter: ";",
    enrolment: { from: day("2021-10-01"), to: day("2023-09-30") },
    benefitCodes: codes,
    population: new Set(["A", "B"]),
    ...overrides,
  };
}

const populationSpec = {
  kind: "population",
  file: "p.csv",
  dateFormat: "dd-mm-yyyy",
  columns: { personId: "PNR", birthDate: "FOED", sex: { column: "KOEN", values: { "1": "male", "2": "female" } }, startDate: "START" },
};

describe("ingestExtract", () => {
  it("ingestExtract(population) maps source columns and values onto canonical fields", async () => {
    const result = await ingestExtract("population", rowsOf([["PNR", "FOED", "KOEN", "START"], ["A", "01-02-2000", "2", "15-11-2021"]]), context(populationSpec, { population: null }));
    expect(result.records).toEqual([{ personId: "A", birthDate: day("2000-02-01"), sex: "female", startDate: day("2021-11-15"), referralDate: null, targetGroup: null, exitDate: null, exitReason: null, cluster: null }]);
    expect(result).toMatchObject({ rowsRead: 1, rowsAccepted: 1, rowsQuarantined: 0 });
  });

  it("ingestExtract stops, naming the missing column, the header's size and the spec's names it holds", async () => {
    const run = ingestExtract("population", rowsOf([["PNR", "FOED", "START"], ["A", "01-02-2000", "15-11-2021"]]), context(populationSpec, { population: null }));
    await expect(run).rejects.toThrow("x.csv line 1: the header lacks column 'KOEN' named in the spec; the header has 3 columns; of the names looked for it holds 'PNR', 'FOED', 'START'");
  });

  it("ingestExtract names a foreign header by its size only: the first line of /etc/shadow is never quoted", async () => {
    const run = ingestExtract("population", rowsOf([["root:*:20228:0:99999:7:::"], ["daemon:*:20228:0:99999:7:::"]]), context(populationSpec, { population: null }));
    const error = await run.then(() => null, (e: Error) => e);
    expect(error?.message).toContain("the header has 1 column (is the delimiter right?), none of them named as the spec names them");
    expect(error?.message).not.toMatch(/root|20228|99999|daemon/);
  });

  it("ingestExtract refuses a column of CPR-like values without repeating the value", async () => {
    const run = ingestExtract(
      "convictions",
      rowsOf([["PNR", "date", "note"], ["A", "2022-01-01", "x"], ["B", "2022-01-01", "010190-1234"]]),
      context({ kind: "convictions", file: "c.csv", columns: { personId: "PNR" } }),
    );
    await expect(run).rejects.toBeInstanceOf(StopRun);
    await expect(run).rejects.toThrow(`x.csv line 3, column 'note': ${messages.cprRefused()}`);
    await expect(run).rejects.not.toThrow("010190");
  });

  it("ingestExtract quarantines each rule with line, column and value, and rows read = accepted + quarantined", async () => {
    const result = await ingestExtract(
      "population",
      rowsOf([
        ["PNR", "FOED", "KOEN", "START"],
        ["A", "01-02-2000", "2", "15-11-2021"], // line 2: fine
        ["B", "30-02-2000", "2", "15-11-2021"], // 3: invalid_date
        ["C", "01-02-2000", "9", "15-11-2021"], // 4: unknown_category
        ["A", "01-02-2000", "2", "15-11-2021"], // 5: duplicate_row (an exact repeat of line 2: counted once)
        ["D", "01-02-2000", "2", "15-11-2020"], // 6: start_outside_enrolment
        ["E", "01-02-2022", "1", "15-11-2021"], // 7: birth_after_start
        ["F", "01-02-2000", "1"], // 8: wrong_column_count
        ["", "", "1", "15-11-2021"], // 9: two missing values
      ]),
      context(populationSpec, { population: null }),
    );
    expect(result.quarantine.map((q) => [q.line, q.column, q.value, q.rule])).toEqual([
      [3, "FOED", "30-02-2000", "invalid_date"],
      [4, "KOEN", "9", "unknown_category"],
      [5, "PNR", "A", "duplicate_row"],
      [6, "START", "15-11-2020", "start_outside_enrolment"],
      [7, "FOED", "01-02-2022", "birth_after_start"],
      [8, "", "F;01-02-2000;1", "wrong_column_count"],
      [9, "PNR", "", "missing_value"],
      [9, "FOED", "", "missing_value"],
    ]);
    expect(result).toMatchObject({ rowsRead: 8, rowsAccepted: 1, rowsQuarantined: 7 });
    expect(result.issuesByRule).toEqual({
      birth_after_start: 1,
      duplicate_row: 1,
      invalid_date: 1,
      missing_value: 2,
      start_outside_enrolment: 1,
      unknown_category: 1,
      wrong_column_count: 1,
    });
  });

  it("ingestExtract quarantines a malformed CSV line as it stood", async () => {
    async function* rows() {
      yield { line: 1, fields: ["PNR", "date"] };
      yield { line: 2, malformed: "Quote Not Closed", raw: 'A,"2022' };
    }
    const result = await ingestExtract("convictions", rows(), context({ kind: "convictions", file: "c.csv", columns: { personId: "PNR" } }));
    expect(result.quarantine).toEqual([{ file: "x.csv", line: 2, column: "", value: 'A,"2022', rule: "malformed_csv", message: messages.rule.malformed_csv("Quote Not Closed") }]);
    expect(result).toMatchObject({ rowsRead: 1, rowsQuarantined: 1 });
  });

  it("ingestExtract(benefit_weeks_long) checks codes and person-weeks, and quarantines rows of persons outside the population apart", async () => {
    const result = await ingestExtract(
      "benefit_weeks_long",
      rowsOf([
        ["id", "week", "code"],
        ["A", "2205", "134"],
        ["A", "2205", "651"], // conflicting_rows: the same person-week as line 2 with another code
        ["A", "2206", "999"], // unknown_benefit_code
        ["A", "2254", "134"], // invalid_week (2022 has 52 weeks)
        ["Z", "2205", "134"], // person_not_in_population: quarantined, not counted toward the stop
      ]),
      context({ kind: "benefit_weeks_long", file: "b.csv", weekFormat: "yyww", columns: { personId: "id" } }),
    );
    expect(result.quarantine.map((q) => [q.line, q.rule])).toEqual([
      [3, "conflicting_rows"],
      [4, "unknown_benefit_code"],
      [5, "invalid_week"],
      [6, "person_not_in_population"],
    ]);
    expect(result.records).toEqual([{ personId: "A", week: day("2022-01-31"), code: "134" }]);
    expect(result).toMatchObject({ rowsRead: 5, rowsAccepted: 1, rowsQuarantined: 4, rowsRejected: 3, rowsForPersonsNotInPopulation: 1, personsNotInPopulation: 1 });
    // Line 3 conflicts in the week of 2022-01-31; line 4's week (2022-W06) is still known; line 5's week is not.
    expect(result.rejected.map((r) => [r.line, r.personId, r.from, r.reason])).toEqual([
      [3, "A", day("2022-01-31"), "conflicting_rows"],
      [4, "A", day("2022-02-07"), "quarantined_row"],
      [5, "A", null, "quarantined_row"],
    ]);
  });

  it("ingestExtract(benefit_weeks_wide) turns each non-empty week cell into a record and names a bad cell's column", async () => {
    const result = await ingestExtract(
      "benefit_weeks_wide",
      rowsOf([
        ["PNR", "y_2204", "y_2205", "other"],
        ["A", "134", "", "x"],
        ["B", "", "777", "x"],
      ]),
      context({ kind: "benefit_weeks_wide", file: "w.csv", columns: { personId: "PNR" } }),
    );
    expect(result.records).toEqual([{ personId: "A", week: day("2022-01-24"), code: "134" }]);
    expect(result.quarantine.map((q) => [q.line, q.column, q.value, q.rule])).toEqual([[3, "y_2205", "777", "unknown_benefit_code"]]);
    expect(result).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsQuarantined: 1 });
  });

  it("ingestExtract(benefit_weeks_wide) counts an exact repeat of a person's row once and marks a conflicting one for all the person's weeks", async () => {
    const result = await ingestExtract(
      "benefit_weeks_wide",
      rowsOf([
        ["PNR", "y_2204", "y_2205"],
        ["A", "134", ""],
        ["A", "134", ""], // line 3: duplicate_row
        ["B", "", "651"],
        ["B", "134", "651"], // line 5: conflicting_rows (week 2204 differs)
      ]),
      context({ kind: "benefit_weeks_wide", file: "w.csv", columns: { personId: "PNR" } }),
    );
    expect(result.quarantine.map((q) => [q.line, q.rule])).toEqual([[3, "duplicate_row"], [5, "conflicting_rows"]]);
    expect(result.rejected).toEqual([{ line: 5, personId: "B", from: null, to: null, reason: "conflicting_rows" }]);
    // The week columns state the coverage: Monday of 2022-W04 to the Sunday of 2022-W05.
    expect(result.coverage).toEqual({ from: day("2022-01-24"), to: day("2022-02-06") });
  });

  it("ingestExtract keeps what a rejected row still says: the person and the month of a bad hours cell, nothing of a row of the wrong length", async () => {
    const result = await ingestExtract(
      "paid_hours_monthly",
      rowsOf([["id", "month", "hours"], ["A", "2022-03", "ca. 10"], ["A", "2022-13", "10"], ["B;x", "2022-03"], ["A", "2022-04", "800"]]),
      context({ kind: "paid_hours_monthly", file: "h.csv", columns: { personId: "id" } }),
    );
    expect(result.quarantine.map((q) => q.rule)).toEqual(["invalid_number", "invalid_month", "wrong_column_count", "implausible_value"]);
    expect(result.rejected.map((r) => [r.line, r.personId, r.from, r.to])).toEqual([
      [2, "A", day("2022-03-01"), day("2022-03-02")],
      [3, "A", null, null],
      [4, null, null, null],
      [5, "A", day("2022-04-01"), day("2022-04-02")], // bounds aside, the month is read
    ]);
  });

  it("ingestExtract(benefit_weeks_wide) stops when no column matches the week pattern", async () => {
    const run = ingestExtract("benefit_weeks_wide", rowsOf([["PNR", "w1"], ["A", "134"]]), context({ kind: "benefit_weeks_wide", file: "w.csv", columns: { personId: "PNR" } }));
    await expect(run).rejects.toThrow(`x.csv line 1: ${messages.noWeekColumns("^y_(\\d{4})$")}`);
  });

  it("ingestExtract checks numbers, months, minimums and end-before-start", async () => {
    const hours = await ingestExtract(
      "paid_hours_monthly",
      rowsOf([["id", "month", "hours"], ["A", "2022-01", "37,5"], ["A", "2022-13", "1"], ["A", "2022-02", "-1"], ["A", "2022-03", "3.5"]]),
      context({ kind: "paid_hours_monthly", file: "h.csv", columns: { personId: "id" } }),
    );
    expect(hours.records).toEqual([{ personId: "A", month: 2022 * 12, hours: 37.5 }]);
    expect(hours.quarantine.map((q) => q.rule)).toEqual(["invalid_month", "below_minimum", "invalid_number"]);

    const spells = await ingestExtract(
      "education_spells",
      rowsOf([["id", "startDate", "endDate", "level"], ["A", "2022-08-01", "", "0751"], ["A", "2022-08-01", "2022-07-31", "0751"]]),
      context({ kind: "education_spells", file: "e.csv", columns: { personId: "id" } }),
    );
    expect(spells.records).toEqual([{ personId: "A", startDate: day("2022-08-01"), endDate: null, level: "0751", suEligible: null, completed: null }]);
    expect(spells.quarantine.map((q) => [q.column, q.rule])).toEqual([["endDate", "end_before_start"]]);

    const releases = await ingestExtract(
      "prison_releases",
      rowsOf([["id", "releaseDate", "Indsat"], ["A", "2022-08-01", "2022-02-01"], ["B", "2022-08-01", ""], ["C", "2022-08-01", "2022-08-02"]]),
      context({ kind: "prison_releases", file: "r.csv", columns: { personId: "id", admissionDate: "Indsat" } }, { population: new Set(["A", "B", "C"]) }),
    );
    expect(releases.records).toEqual([
      { personId: "A", releaseDate: day("2022-08-01"), admissionDate: day("2022-02-01") },
      { personId: "B", releaseDate: day("2022-08-01"), admissionDate: null },
    ]);
    expect(releases.quarantine.map((q) => [q.line, q.column, q.value, q.rule])).toEqual([[4, "Indsat", "2022-08-02", "admission_after_release"]]);
  });

  it("ingestExtract stops when a column it reads appears twice in the header, instead of taking the first", async () => {
    const run = ingestExtract("paid_hours_monthly", rowsOf([["id", "month", "hours", "hours"], ["A", "2022-01", "1", "2"]]), context({ kind: "paid_hours_monthly", file: "h.csv", columns: { personId: "id" } }));
    await expect(run).rejects.toThrow(`x.csv line 1, column 'hours': ${messages.columnTwice("hours", [3, 4])}`);
  });

  it("ingestExtract stops on an empty file", async () => {
    await expect(ingestExtract("convictions", rowsOf([]), context({ kind: "convictions", file: "c.csv" }))).rejects.toThrow(`x.csv: ${messages.extractEmpty()}`);
  });
});
