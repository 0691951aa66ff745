/** The ingest stage's run on in-memory extracts (no files), and its quarantine stop rule by hand. */
import { describe, expect, it } from "vitest";
import { exceedsQuarantine, run, type ExtractSource, type IngestInput } from "../../src/ingest/index.ts";
import { parseSpec } from "../../src/spec/parseSpec.ts";
import { day, rowsOf } from "../helpers.ts";

const dialect = { delimiter: ";", encoding: "utf-8", decimal: "," as const, detected: [] };
const source = (file: string, lines: string[][]): ExtractSource => ({ file, dialect, rows: rowsOf(lines) });

function inputWith(convictions: string[][]): IngestInput {
  const parsed = parseSpec({
    name: "mini",
    asOf: "2024-12-31",
    enrolment: { from: "2021-01-01", to: "2022-12-31" },
    extracts: { population: { kind: "population", file: "population.csv" }, convictions: { kind: "convictions", file: "convictions.csv" } },
    outcomes: [{ id: "convictions_12m", kind: "convictions_per_person_year", windowMonths: 12 }],
  });
  if (!("spec" in parsed)) throw new Error(`the mini spec does not parse: ${JSON.stringify(parsed)}`);
  return {
    spec: parsed.spec,
    asOf: day("2024-12-31"),
    sources: {
      population: source("population.csv", [
        ["personId", "birthDate", "sex", "startDate"],
        ["P1", "2000-01-01", "female", "2022-01-01"],
        ["P2", "1999-05-05", "male", "2022-07-01"],
        ["P3", "1998-02-02", "male", "2022-13-01"],
      ]),
      convictions: source("convictions.csv", convictions),
    },
    benefitCodes: null,
    files: { persons: "persons.csv", outcomes: "outcomes.csv", outcomeStatus: "status.csv", quarantine: (n) => `quarantine/${n}.csv` },
    shownQuarantineFile: (n) => `quarantine/${n}.csv`,
    benefitThread: "never",
  };
}

describe("run(input)", () => {
  it("run(population with a bad start date, two convictions) keeps P1 and P2, quarantines P3's row, and derives convictions per person-year up to the inferred coverage", async () => {
    // The convictions extract declares no coverage, so it is inferred to end on its last row's day, 2022-11-30: P1's
    // exposure is 2022-01-01 … 2022-12-01 = 334 days, two convictions → 2 / (334 / 365.25); P2's 2022-07-01 … 2022-12-01 = 153 days, none.
    const output = await run(inputWith([["personId", "date"], ["P1", "2022-03-01"], ["P1", "2022-11-30"], ["P9", "2022-05-05"]]));
    expect(output.blocking).toEqual([]);
    const persons = output.personsCsv.trim().split(/\r?\n/);
    expect(persons.slice(1).map((l) => l.split(",")[0])).toEqual(["P1", "P2"]);
    expect(output.quarantine.population!.map((q) => [q.line, q.column, q.rule])).toEqual([[4, "startDate", expect.any(String)]]);
    const outcomes = output.outcomesCsv.trim().split(/\r?\n/).map((l) => l.split(","));
    const column = outcomes[0]!.indexOf("convictions_12m");
    const exposure = outcomes[0]!.indexOf("convictions_12m_exposure_years");
    expect(outcomes.slice(1).map((r) => r[0])).toEqual(["P1", "P2"]);
    expect(Number(outcomes[1]![column])).toBeCloseTo(2 / (334 / 365.25), 12);
    expect(Number(outcomes[1]![exposure])).toBeCloseTo(334 / 365.25, 12);
    expect(Number(outcomes[2]![column])).toBe(0);
    expect(Number(outcomes[2]![exposure])).toBeCloseTo(153 / 365.25, 12);
    expect(output.outcomeStatusCsv.trim().split(/\r?\n/).slice(1)).toEqual(["P1,observed", "P2,observed"]);
    const convictions = output.artefact.extracts.find((e) => e.kind === "convictions")!;
    expect(convictions.rowsForPersonsNotInPopulation).toBe(1);
  });
});

describe("exceedsQuarantine(summary, rule)", () => {
  const rule = { maxShare: 0.05, minRows: 10 };
  it("exceedsQuarantine(10 of 100 rejected, 5 % and 10 rows) stops: 10 % > 5 % and 10 ≥ 10", () => {
    expect(exceedsQuarantine({ rowsRead: 100, rowsRejected: 10, rowsForPersonsNotInPopulation: 0 }, rule)).toBe(true);
  });
  it("exceedsQuarantine(2 of 60 rejected) does not stop a pilot: 3.3 % share, and 2 < 10 rows", () => {
    expect(exceedsQuarantine({ rowsRead: 60, rowsRejected: 2, rowsForPersonsNotInPopulation: 0 }, rule)).toBe(false);
    expect(exceedsQuarantine({ rowsRead: 20, rowsRejected: 9, rowsForPersonsNotInPopulation: 0 }, rule)).toBe(false);
  });
  it("exceedsQuarantine(every relevant row rejected, fewer than minRows) stops", () => {
    expect(exceedsQuarantine({ rowsRead: 13, rowsRejected: 3, rowsForPersonsNotInPopulation: 10 }, rule)).toBe(true);
  });
  it("exceedsQuarantine(rows of persons outside the population only, or none rejected) does not stop", () => {
    expect(exceedsQuarantine({ rowsRead: 10, rowsRejected: 0, rowsForPersonsNotInPopulation: 10 }, rule)).toBe(false);
    expect(exceedsQuarantine({ rowsRead: 10, rowsRejected: 0, rowsForPersonsNotInPopulation: 0 }, rule)).toBe(false);
  });
});
