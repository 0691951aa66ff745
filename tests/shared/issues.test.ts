import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatIssue, issue, issueLocation, issuesFromZod, jsonPath, StopRun } from "../../src/shared/issues.ts";

describe("issues", () => {
  it("issuesFromZod(error, file) keeps the JSON path as data, names unknown keys, and formats as file + $.path", () => {
    const schema = z.strictObject({ extracts: z.strictObject({ population: z.strictObject({ file: z.string() }) }), outcomes: z.array(z.strictObject({ windowMonths: z.number() })) });
    const parsed = schema.safeParse({ extracts: { population: { file: "p.csv", dialekt: {} } }, outcomes: [{ windowMonths: "twelve" }] });
    expect(parsed.success).toBe(false);
    const issues = issuesFromZod(parsed.error!, "spec.json");
    expect(issues).toContainEqual({ code: "unrecognized_keys", file: "spec.json", path: ["extracts", "population"], message: "unknown key 'dialekt'" });
    const wrongType = issues.find((i) => i.code === "invalid_type")!;
    expect(wrongType.path).toEqual(["outcomes", 0, "windowMonths"]);
    expect(formatIssue(wrongType)).toMatch(/^spec\.json \$\.outcomes\[0\]\.windowMonths: /);
  });

  it("formatIssue(data issue) puts file, line and column in front of the message, the same way for every issue", () => {
    const problem = issue("invalid_number", "not a number with decimal separator ','", { file: "timer.csv", path: [], line: 14, column: "timer", value: "ca. 10" });
    expect(issueLocation(problem)).toBe("timer.csv line 14, column 'timer'");
    expect(formatIssue(problem)).toBe("timer.csv line 14, column 'timer': not a number with decimal separator ','");
    expect(formatIssue(issue("as_of_invalid", "--as-of 2022-13-01 is not a date as yyyy-mm-dd"))).toBe("--as-of 2022-13-01 is not a date as yyyy-mm-dd");
    expect(formatIssue(issue("no_assignment", "the spec has no assignment", { file: "spec.json", path: ["assignment"] }))).toBe("spec.json $.assignment: the spec has no assignment");
  });

  it("jsonPath quotes keys that are not identifiers and brackets indices", () => {
    expect(jsonPath(["extracts", "my extract", "columns", 0])).toBe('$.extracts["my extract"].columns[0]');
  });

  it("StopRun carries its issues and reads as their formatted lines", () => {
    const stop = new StopRun([issue("a", "first", { file: "x.csv", path: [], line: 2 }), issue("b", "second")]);
    expect(stop.message).toBe("x.csv line 2: first\nsecond");
    expect(stop.issues.map((i) => i.code)).toEqual(["a", "b"]);
  });
});
