import { describe, expect, it } from "vitest";
import { parseDate, parseMonth, parseNumber, parseWeek } from "../../src/ingest/parseValue.ts";
import { isoDate } from "../../src/shared/dates.ts";

const asIso = (day: number | null) => (day === null ? null : isoDate(day));

describe("parseDate", () => {
  it.each([
    ["2022-03-01", "iso", "2022-03-01"],
    ["01-03-2022", "dd-mm-yyyy", "2022-03-01"],
    ["01.03.2022", "dd.mm.yyyy", "2022-03-01"],
    ["01/03/2022", "dd/mm/yyyy", "2022-03-01"],
    ["20220301", "yyyymmdd", "2022-03-01"],
    ["01MAR2022", "ddmonyyyy", "2022-03-01"],
    ["01mar2022", "ddmonyyyy", "2022-03-01"],
  ] as const)("parseDate(%s, %s) = %s", (text, format, expected) => {
    expect(asIso(parseDate(text, format))).toBe(expected);
  });

  it.each([
    ["2022-02-30", "iso"],
    ["31-04-2022", "dd-mm-yyyy"],
    ["2022-3-1", "iso"],
    ["01-03-2022", "iso"],
    ["20221301", "yyyymmdd"],
    ["01MRZ2022", "ddmonyyyy"],
    ["", "iso"],
  ] as const)("parseDate(%s, %s) is null", (text, format) => {
    expect(parseDate(text, format)).toBeNull();
  });
});

describe("parseMonth, parseWeek", () => {
  it("parseMonth reads yyyy-mm and yyyymm, rejects month 13", () => {
    expect(parseMonth("2022-01", "yyyy-mm")).toBe(2022 * 12);
    expect(parseMonth("202212", "yyyymm")).toBe(2022 * 12 + 11);
    expect(parseMonth("202213", "yyyymm")).toBeNull();
    expect(parseMonth("2022-1", "yyyy-mm")).toBeNull();
  });

  it("parseWeek reads ISO weeks and DREAM's yyww", () => {
    expect(asIso(parseWeek("2022-W05", "iso"))).toBe("2022-01-31");
    expect(asIso(parseWeek("2022W05", "iso"))).toBe("2022-01-31");
    expect(asIso(parseWeek("2205", "yyww"))).toBe("2022-01-31");
    expect(asIso(parseWeek("2053", "yyww"))).toBe("2020-12-28");
    expect(parseWeek("2153", "yyww")).toBeNull();
    expect(parseWeek("2021-W00", "iso")).toBeNull();
  });
});

describe("parseNumber", () => {
  it("reads decimal commas, with whole groups of thousands", () => {
    expect(parseNumber("37,5", ",")).toBe(37.5);
    expect(parseNumber("1.234,50", ",")).toBe(1234.5);
    expect(parseNumber("1.234.567", ",")).toBe(1234567);
    expect(parseNumber("-4", ",")).toBe(-4);
  });

  it("rejects what would have to be guessed", () => {
    expect(parseNumber("1.23,4", ",")).toBeNull();
    expect(parseNumber("12.5", ",")).toBeNull(); // a point is not a decimal mark in a ','-file
    expect(parseNumber("1,234", ".")).toBeNull(); // ambiguous in a '.'-file
    expect(parseNumber("1,2,3", ",")).toBeNull();
    expect(parseNumber("", ".")).toBeNull();
    expect(parseNumber("NaN", ".")).toBeNull();
    expect(parseNumber("1e5", ".")).toBeNull();
  });

  it("reads decimal points", () => {
    expect(parseNumber("12.5", ".")).toBe(12.5);
    expect(parseNumber("+3", ".")).toBe(3);
  });
});
