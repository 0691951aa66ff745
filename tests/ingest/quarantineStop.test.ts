/** The quarantine stop message: dominant rule, its count, two example lines and the fix the values show. */
import { describe, expect, it } from "vitest";
import { dominantRule, quarantineStopMessage } from "../../src/ingest/quarantineStop.ts";

const entry = (line: number, rule: string, value: string, column = "Startdato") => ({ file: "p.csv", line, column, value, rule, message: "m" });
const stop = { extract: "population", quarantined: 4, read: 5, maxShare: 0.02, quarantineFile: "out/work/quarantine/population.csv" };
const formats = { dateFormat: "iso", monthFormat: "yyyy-mm", weekFormat: "iso", decimal: "." } as const;

describe("quarantineStopMessage", () => {
  it("dd-mm-yyyy dates read as iso: names invalid_date, 3 rows, lines 2 and 4, and the declaration", () => {
    const entries = [entry(4, "invalid_date", "15-08-2022"), entry(2, "invalid_date", "01-02-2022"), entry(6, "invalid_date", "03-10-2021"), entry(5, "missing_value", "", "Køn")];
    const message = quarantineStopMessage(stop, entries, formats);
    expect(message).toContain("4 of 5 rows quarantined");
    expect(message).toContain("'invalid_date' (3 rows, e.g. lines 2 and 4)");
    expect(message).toContain('declare "dateFormat": "dd-mm-yyyy"');
    expect(message).not.toContain("15-08-2022");
  });

  it("decimal commas read with '.': the fix is the decimal", () => {
    const message = quarantineStopMessage(stop, [entry(2, "invalid_number", "7,5", "TIMER"), entry(3, "invalid_number", "1.234,5", "TIMER")], formats);
    expect(message).toContain('declare "dialect": {"decimal": ","}');
  });

  it("a row that breaks two rules counts once per rule; ties go alphabetically", () => {
    expect(dominantRule([entry(2, "b", ""), entry(2, "a", ""), entry(3, "b", "")])).toMatchObject({ rule: "b", lines: [2, 3] });
    expect(dominantRule([entry(2, "b", ""), entry(3, "a", "")])!.rule).toBe("a");
  });
});
