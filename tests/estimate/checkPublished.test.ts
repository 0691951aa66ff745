import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPublished, impliedSd, printed, PublishedFile } from "../../src/estimate/checkPublished.ts";
import { pearsonChiSquareTest } from "../../src/stats/pearsonChiSquareTest.ts";
import { welchTest } from "../../src/stats/welchTest.ts";

const file = (figures: unknown[], sameSample = false) => PublishedFile.parse({ source: "test", sameSample, figures });

describe("checkPublished", () => {
  it("printed(text) reads a Danish or English number and half a unit of its last decimal", () => {
    expect(printed("0,034")).toEqual({ value: 0.034, halfUnit: 0.0005 });
    expect(printed("11.0")).toEqual({ value: 11, halfUnit: 0.05 });
    expect(printed("3")).toEqual({ value: 3, halfUnit: 0.5 });
  });

  it("reproduces a χ² p-value from shares and published group sizes", () => {
    // 12 of 218 (5.5 %) vs 24 of 219 (11.0 %)
    const p = pearsonChiSquareTest([[12, 206], [24, 195]]).p;
    const printedP = p.toFixed(3).replace(".", ",");
    const [result] = checkPublished(file([{ id: "x", kind: "proportions", treatment: "5,5", control: "11,0", p: printedP, n: [218, 219] }])).results;
    expect(result).toMatchObject({ verdict: "reproduced" });
    expect(result!.tests).toContain("pearson_chi_square");
  });

  it("says when the shares and sizes cannot give the printed p", () => {
    const [result] = checkPublished(file([{ id: "x", kind: "proportions", treatment: "5,5", control: "11,0", p: "0,500", n: [218, 219] }])).results;
    expect(result!.verdict).toBe("not_reproduced");
  });

  it("finds the group sizes that reproduce a p-value when none are published", () => {
    const [result] = checkPublished(file([{ id: "x", kind: "proportions", treatment: "5,5", control: "11,0", p: "0,034" }])).results;
    expect(result!.verdict).toBe("consistent");
    expect(result!.sizes!.count).toBeGreaterThan(0);
    for (const [nt, nc] of result!.sizes!.examples) expect(nt + nc).toBeGreaterThanOrEqual(result!.sizes!.totalMin!);
  });

  it("Welch's t from means, SDs and sizes", () => {
    const [result] = checkPublished(file([{ id: "m", kind: "means", treatment: "1,8", control: "4,6", sd: ["9,0", "14,0"], n: [230, 230], p: "0,01" }])).results;
    expect(result!.detail).toMatch(/Welch's t gives p = 0\.01/);
  });

  it("without SDs says it cannot recompute, and the SD it implies gives the printed p back", () => {
    const sd = impliedSd(2.8, 230, 230, 0.13);
    const x = Array.from({ length: 230 }, (_, i) => 1.8 + (i % 2 === 0 ? 1 : -1) * sd * Math.sqrt(229 / 230));
    const y = Array.from({ length: 230 }, (_, i) => 4.6 + (i % 2 === 0 ? 1 : -1) * sd * Math.sqrt(229 / 230));
    expect(welchTest(x, y).p).toBeCloseTo(0.13, 6);
    const [result] = checkPublished(file([{ id: "m", kind: "means", treatment: "1,8", control: "4,6", p: "0,13", n: [230, 230] }])).results;
    expect(result!.verdict).toBe("cannot_recompute");
    expect(result!.detail).toContain("standard deviations are not published");
  });

  it("on the UngiFokus table (001): each share figure alone fits some sizes, but no one pair fits both", () => {
    const report = checkPublished(PublishedFile.parse(JSON.parse(readFileSync("fixtures/published/ungifokus-001.json", "utf8"))));
    expect(report.results.map((r) => r.verdict)).toEqual(["consistent", "consistent", "cannot_recompute", "cannot_recompute"]);
    expect(report.sameSample).toContain("no single pair of group sizes");
  });
});
