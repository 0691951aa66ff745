/**
 * The message factories: their few decisions (plurals, how a header or a list of values is described, how many
 * places are named). Each expectation is the sentence written out in full, so a changed rule shows here.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../src/messages.ts";

describe("messages describe a header, never quote it", () => {
  it("messages.columnsMissing(one column, header of one column) names it, counts the header and asks about the delimiter", () => {
    expect(messages.columnsMissing(["personId"], ["personId;sex"], ["personId", "sex"])).toBe(
      "the header lacks column 'personId' named in the spec; the header has 1 column (is the delimiter right?), none of them named as the spec names them",
    );
  });
  it("messages.columnsMissing(two columns) says columns, and lists the names looked for that the header holds", () => {
    expect(messages.columnsMissing(["birthDate", "sex"], ["personId", "x", "y"], ["personId", "birthDate", "sex"])).toBe(
      "the header lacks columns 'birthDate', 'sex' named in the spec; the header has 3 columns; of the names looked for it holds 'personId'",
    );
  });
  it("messages.tableColumnMissing(column, header, lookedFor) uses the same description", () => {
    expect(messages.tableColumnMissing("x", ["arm", "y", "Jens"], ["arm", "y", "x"])).toBe("no column 'x' (the header has 3 columns; of the names looked for it holds 'arm', 'y')");
  });
});

describe("messages list values only as the caller decided", () => {
  it("messages.oneArm(column, listed) quotes the listed values; messages.oneArm(column, count) gives their number only", () => {
    expect(messages.oneArm("arm", { listed: ["a"] })).toBe("column 'arm' holds only one arm ('a')");
    expect(messages.oneArm("arm", { count: 12 })).toBe("column 'arm' holds only one arm (12 distinct values, not shown)");
  });
  it("messages.allocationLogMissing(log, four places) names three and counts the rest", () => {
    expect(messages.allocationLogMissing("log.csv", ["a", "b", "c", "d"])).toContain("recorded by a; b; c; and 1 more:");
    expect(messages.allocationLogMissing("log.csv", ["a"])).toContain("recorded by a:");
  });
});

describe("messages count and pluralise", () => {
  it("messages.quarantineExceeded(extract, 3, 40, 0.05, file) gives the share to two decimals: 7.50 % over 5.00 %", () => {
    expect(messages.quarantineExceeded("hours", 3, 40, 0.05, "q/hours.csv")).toBe(
      "extract 'hours': 3 of 40 rows quarantined (7.50 %), more than the spec's quarantine.maxShare of 5.00 %; see q/hours.csv",
    );
  });
  it("messages.quarantineDominant(rule, 1 row, one line) is singular; with more, plural", () => {
    expect(messages.quarantineDominant("invalid_date", 1, [4], "fix it")).toBe("most are 'invalid_date' (1 row, e.g. line 4): fix it");
    expect(messages.quarantineDominant("invalid_date", 9, [4, 7], "fix it")).toBe("most are 'invalid_date' (9 rows, e.g. lines 4 and 7): fix it");
  });
  it("messages.armEmpty(asOf, one arm) says arm; two arms say arms", () => {
    expect(messages.armEmpty("2024-01-01", ["treatment"], "control 4, treatment 0")).toMatch(/^by the as-of date 2024-01-01 no one is assigned to arm 'treatment' \(assigned: control 4, treatment 0\)/);
    expect(messages.armEmpty("2024-01-01", ["a", "b"], "c 4, a 0, b 0")).toContain("to arms 'a', 'b'");
  });
});

describe("messages.rule and messages.malformedReason", () => {
  it("messages.rule.invalid_date(iso) spells the format; another format stands as given", () => {
    expect(messages.rule.invalid_date("iso")).toBe("not a date in the format yyyy-mm-dd");
    expect(messages.rule.invalid_date("dd-mm-yyyy")).toBe("not a date in the format dd-mm-yyyy");
    expect(messages.rule.invalid_week("yyww")).toBe("not an ISO week in the format yyww (2205)");
  });
  it("messages.malformedReason(code) gives csv-parse's reason in words, a general one for an unknown or absent code", () => {
    expect(messages.malformedReason("CSV_INVALID_CLOSING_QUOTE")).toBe("a quoted field is followed by other characters before the delimiter");
    expect(messages.malformedReason("NO_SUCH_CODE")).toBe("it cannot be read as CSV");
    expect(messages.malformedReason(undefined)).toBe("it cannot be read as CSV");
  });
});
