/** detectDateFormat: each format from its own values, and the columns that must be declared (expected formats written by hand). */
import { describe, expect, it } from "vitest";
import { detectDateFormat } from "../../src/ingest/detectDateFormat.ts";

describe("detectDateFormat", () => {
  it.each([
    [["2022-08-15", "2023-01-02"], "iso"],
    [["15-08-2022", "01-02-2023"], "dd-mm-yyyy"],
    [["15.08.2022", "01.02.2023"], "dd.mm.yyyy"],
    [["15/08/2022", "01/02/2023"], "dd/mm/yyyy"],
    [["08/15/2022", "01/02/2023"], "mm/dd/yyyy"],
    [["15082022", "01022023"], "ddmmyyyy"],
    [["20220815", "20230102"], "yyyymmdd"],
    [["15AUG2022", "01feb2023"], "ddmonyyyy"],
  ] as const)("%j is %s", (values, format) => {
    expect(detectDateFormat(values)).toMatchObject({ kind: "detected", format });
  });

  it("decides from all values: one day above 12 anywhere in the column settles day-first", () => {
    const values = [...Array.from({ length: 500 }, (_, i) => `0${1 + (i % 9)}/0${1 + (i % 8)}/2022`), "13/01/2022"];
    expect(detectDateFormat(values)).toMatchObject({ kind: "detected", format: "dd/mm/yyyy", read: expect.any(Number) });
  });

  it("an ambiguous column (every day 12 or less with '/') is never guessed", () => {
    const result = detectDateFormat(["03/04/2022", "05/06/2022", "12/11/2021"]);
    expect(result).toEqual({ kind: "ambiguous", formats: ["dd/mm/yyyy", "mm/dd/yyyy"], example: "03/04/2022" });
  });

  it("values that read alike in both orders (day = month) are not an ambiguity", () => {
    expect(detectDateFormat(["01/01/2022", "12/12/2021"])).toMatchObject({ kind: "detected", format: "dd/mm/yyyy" });
  });

  it("a column mixing formats says so, with how many values each reads and one only it reads", () => {
    const result = detectDateFormat(["15-08-2022", "16-08-2022", "2022-08-17"]);
    expect(result).toEqual({
      kind: "mixed",
      formats: [
        { format: "dd-mm-yyyy", count: 2, example: "15-08-2022" },
        { format: "iso", count: 1, example: "2022-08-17" },
      ],
    });
  });

  it("values no format reads are left to quarantine, not counted against the format", () => {
    expect(detectDateFormat(["15-08-2022", "ukendt", "31-02-2022", ""])).toEqual({ kind: "detected", format: "dd-mm-yyyy", read: 1, unreadable: 2 });
  });

  it("an empty column and a column of no dates", () => {
    expect(detectDateFormat(["", "  "])).toEqual({ kind: "empty" });
    expect(detectDateFormat(["abc", "x"])).toEqual({ kind: "unrecognised", values: 2 });
  });
});
