/** formatDate writes 15 August 2022 in every format, and parseDate reads each back to the same day. */
import { describe, expect, it } from "vitest";
import { formatDate, formatMonth } from "../../src/ingest/formatDate.ts";
import { DATE_FORMATS, parseDate } from "../../src/ingest/parseValue.ts";
import { day } from "../helpers.ts";

describe("formatDate", () => {
  const expected = { iso: "2022-08-15", "dd-mm-yyyy": "15-08-2022", "dd.mm.yyyy": "15.08.2022", "dd/mm/yyyy": "15/08/2022", yyyymmdd: "20220815", ddmonyyyy: "15AUG2022", "mm/dd/yyyy": "08/15/2022", ddmmyyyy: "15082022" } as const;
  it.each(DATE_FORMATS)("%s", (format) => {
    expect(formatDate(day("2022-08-15"), format)).toBe(expected[format]);
    expect(parseDate(expected[format], format)).toBe(day("2022-08-15"));
  });
  it("months", () => {
    expect(formatMonth(day("2022-08-15"), "yyyy-mm")).toBe("2022-08");
    expect(formatMonth(day("2022-08-15"), "yyyymm")).toBe("202208");
  });
});
