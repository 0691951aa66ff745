/**
 * Messages never quote data (issue 25): a header message says how many columns the header has
 * and which of the spec's names it holds, a malformed line is named by its number and a reason
 * in words, a JSON syntax error by its place. A spec whose extract is a system file (the first
 * line of /etc/shadow) gets no line of it back, nor does `estimate --table`, nor a contract file.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";

const SHADOW = "root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\nbin:*:20228:0:99999:7:::\n";
const SECRET = /root|daemon|20228|99999/;
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-quote-"));

let captured = "";
beforeEach(() => {
  captured = "";
  const capture = (chunk: unknown) => ((captured += String(chunk)), true);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as never);
  vi.spyOn(process.stdout, "write").mockImplementation(capture as never);
});
afterEach(() => vi.restoreAllMocks());

function spec(dir: string, population: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, "spec.json");
  writeFileSync(join(dir, "convictions.csv"), "personId;date\nP01;2022-06-01\n");
  writeFileSync(
    path,
    JSON.stringify({
      name: "quote",
      asOf: "2024-12-31",
      enrolment: { from: "2021-10-01", to: "2023-09-30" },
      extracts: { population: { kind: "population", file: population }, convictions: { kind: "convictions", file: "convictions.csv" } },
      benefitCodes: { file: resolve("fixtures/codes/benefit-groups.csv") },
      outcomes: [{ id: "convictions_12m", kind: "convictions_per_person_year", windowMonths: 12 }],
      ...extra,
    }),
  );
  return path;
}

describe("messages never quote the content of a user's file", () => {
  it("a spec whose population extract is a shadow-like file: the header is described, not quoted", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shadow"), SHADOW);
    expect(await main(["ingest", spec(dir, "shadow"), "--out", join(dir, "out")])).toBe(1);
    expect(captured).toContain("shadow line 1: the header lacks columns 'personId', 'birthDate', 'sex', 'startDate' named in the spec; the header has 1 column (is the delimiter right?), none of them named as the spec names them");
    expect(captured).not.toMatch(SECRET);
  });

  it("estimate --table on a shadow-like file: no column 'arm', and nothing of the file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shadow"), SHADOW);
    expect(await main(["estimate", "--table", join(dir, "shadow"), "--treatment", "arm", "--outcomes", "y", "--permutations", "0", "--out", join(dir, "out")])).toBe(1);
    expect(captured).toContain("no column 'arm' (the header has 1 column (is the delimiter right?), none of them named as the spec names them)");
    expect(captured).not.toMatch(SECRET);
  });

  it("estimate --table with a missing column names the columns it found among those asked for", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), "arm;y;Jens Hansen\ntreatment;1;a\ncontrol;2;b\n");
    expect(await main(["estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--covariates", "x", "--permutations", "0", "--out", join(dir, "out")])).toBe(1);
    expect(captured).toContain("no column 'x' (the header has 3 columns; of the names looked for it holds 'arm', 'y')");
    expect(captured).not.toContain("Jens");
  });

  it("a malformed line is named by its number and a reason in words, never by its text", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), 'arm;y\ntreatment;1\ncontrol;2\ntreatment;3\ncontrol;"Jens Hansen; secret\n');
    expect(await main(["estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--permutations", "0", "--out", join(dir, "out")])).toBe(1);
    expect(captured).toMatch(/t\.csv line 5: the line is not valid CSV: a quoted field is never closed/);
    expect(captured).not.toMatch(/Jens|Hansen|secret/);
  });

  it("a value that is not a number is named by its line, not quoted", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), "arm;y\ntreatment;1\ncontrol;Jens Hansen\ncontrol;2\ntreatment;3\n");
    expect(await main(["estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--permutations", "0", "--out", join(dir, "out")])).toBe(1);
    expect(captured).toContain("t.csv line 3, column 'y': the value is not a number");
    expect(captured).not.toContain("Jens");
  });

  it("a spec whose contract file is a shadow-like file: the JSON error names no character of it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "population.csv"), "personId;birthDate;sex;startDate\nP01;1995-02-11;female;2022-01-10\n");
    writeFileSync(join(dir, "shadow"), SHADOW);
    expect(await main(["repay", spec(dir, "population.csv", { contract: "shadow" }), "--out", join(dir, "out")])).toBe(1);
    expect(captured).toMatch(/shadow: not valid JSON: unexpected character\n/);
    expect(captured).not.toMatch(SECRET);
  });
});
