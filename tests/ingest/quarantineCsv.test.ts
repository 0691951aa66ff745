import { describe, expect, it } from "vitest";
import { quarantineCsv } from "../../src/ingest/quarantineCsv.ts";

describe("quarantineCsv(entries)", () => {
  it("quarantineCsv(two entries) writes the header and one line per broken rule, quoting a value with a comma", () => {
    const text = quarantineCsv([
      { file: "pop.csv", line: 3, column: "birthDate", value: "31-02-2000", rule: "invalid_date", message: "not a date" },
      { file: "pop.csv", line: 3, column: "sex", value: "f, m", rule: "unknown_category", message: "not female or male" },
    ]);
    expect(text.replace(/\r\n/g, "\n").trim().split("\n")).toEqual([
      "file,line,column,value,rule,message",
      "pop.csv,3,birthDate,31-02-2000,invalid_date,not a date",
      'pop.csv,3,sex,"f, m",unknown_category,not female or male',
    ]);
  });
  it("quarantineCsv([]) is the header alone", () => {
    expect(quarantineCsv([]).trim()).toBe("file,line,column,value,rule,message");
  });
  it("quarantineCsv(an entry without a line number) throws: entries are validated on the way out", () => {
    expect(() => quarantineCsv([{ file: "f", column: "c", value: "v", rule: "r", message: "m" } as never])).toThrow();
  });
});
