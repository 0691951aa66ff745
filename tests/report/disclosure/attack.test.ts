/**
 * Issue 16, done when: the attack (src/report/disclosure/attackReport.ts, also `npm run attack`)
 * recovers no count of 1 to 4 persons from any report/ folder it reads — the shipped examples, a
 * quarterly pair with --compare and subgroups on, and seeded small-arm specs — while on
 * hand-made tables that leak as the issue describes it names each leak.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attackReport } from "../../../src/report/disclosure/attackReport.ts";
import { knowledge, reportFiles, runAll, type AttackCase } from "./runs.ts";

let cases: AttackCase[] = [];
beforeAll(async () => {
  cases = await runAll();
});

describe("attackReport(report, previous) on every run", () => {
  it("recovers nothing from any report/ folder", () => {
    expect(cases.length).toBe(9);
    for (const c of cases) expect(attackReport(reportFiles(c.report), c.previous ? reportFiles(c.previous) : null, knowledge(c.report)), c.name).toEqual([]);
  });

  it("reads a run whose changes section compares two quarters", () => {
    const pair = cases.find((c) => c.previous !== null)!;
    expect(reportFiles(pair.report).has("changes.csv")).toBe(true);
  });
});
