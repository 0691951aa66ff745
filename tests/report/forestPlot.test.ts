/** The forest plot's drawing: round ticks over every interval and zero, a panel per unit, the favoured side named. */
import { describe, expect, it } from "vitest";
import { forestSvg, niceTicks } from "../../src/report/forestPlot.ts";

describe("niceTicks(low, high)", () => {
  it("covers −7,6 to 10,9 in steps of 5 (18,5 ÷ 6 ≈ 3,1 → 5): −10 … 15", () => {
    expect(niceTicks(-7.6, 10.9)).toEqual({ ticks: [-10, -5, 0, 5, 10, 15], step: 5 });
  });
  it("covers −0,0675 to 0,1 in steps of 0,05 without float noise", () => {
    expect(niceTicks(-0.0675, 0.1).ticks).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
  });
});

describe("forestSvg(panels, words, lang)", () => {
  const panels = [
    { title: "Procentpoint (højere er bedre)", unit: "procentpoint", favours: "higher" as const, rows: [{ label: "I uddannelse 24 måneder efter start", estimate: 4.4, low: -2, high: 10.8 }] },
    { title: "Dage (retning ikke angivet)", unit: "dage", favours: null, rows: [{ label: "Dage på offentlig forsørgelse, opfølgningsår 3 — en meget lang etiket der skal ombrydes og ikke skæres af", estimate: -29.2, low: -69.9, high: 11.4 }] },
  ];
  const svg = forestSvg(panels, { favours: "til fordel for indsatsen", against: "til fordel for kontrolgruppen" }, "da");
  it("draws a panel per unit with its title and axis unit, ticks in steps of 20 from −80 to 20 for days (−69,9 to 11,4: 81,3 ÷ 6 ≈ 13,6 → 20)", () => {
    expect(svg).toContain(">Procentpoint (højere er bedre)<");
    expect(svg).toContain(">Dage (retning ikke angivet)<");
    expect(svg).toContain(">-80<");
    expect(svg).toContain(">20<");
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
  it("names the favoured side only where the direction is known, and keeps every word of a long label", () => {
    expect(svg.match(/til fordel for indsatsen/g)).toHaveLength(1);
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(words).toContain("skæres af");
    expect(words.replace(/\s+/g, " ")).toContain("Dage på offentlig forsørgelse, opfølgningsår 3 — en meget lang etiket der skal ombrydes og ikke skæres af");
  });
  it("uses no font below 11 px", () => {
    expect(Math.min(...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])))).toBeGreaterThanOrEqual(11);
  });
});
