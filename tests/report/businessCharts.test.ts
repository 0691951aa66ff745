/** The business case's chart specs: what data each layer is given and how it is ordered (drawing them is charts.ts's). */
import { describe, expect, it } from "vitest";
import { netBandChart, tornadoChart } from "../../src/report/businessCharts.ts";

type Layer = { data?: { values: Record<string, unknown>[] }; encoding: Record<string, Record<string, unknown>> };

describe("tornadoChart(rows, title, lowWord, highWord, axisTitle, labelTitle)", () => {
  const rows = [{ label: "price", low: -2000, high: 7000, base: 1000 }, { label: "effect", low: 0, high: 3000, base: 1000 }];
  const spec = tornadoChart(rows, "Tornado", "low", "high", "net", "assumption") as unknown as { height: number; layer: Layer[] };

  it("tornadoChart(two assumptions) draws one bar from the base to the low and one to the high net per assumption", () => {
    expect(spec.layer[0]!.data!.values).toEqual([
      { label: "price", end: "low", from: 1000, to: -2000 },
      { label: "price", end: "high", from: 1000, to: 7000 },
      { label: "effect", end: "low", from: 1000, to: 0 },
      { label: "effect", end: "high", from: 1000, to: 3000 },
    ]);
  });
  it("tornadoChart keeps the given order (widest first), puts the rule at the base and grows 28 px an assumption from 60", () => {
    expect(spec.layer[0]!.encoding.y!.sort).toEqual(["price", "effect"]);
    expect(spec.layer[1]!.data!.values).toEqual([{ x: 1000 }]);
    expect(spec.height).toBe(60);
    expect((tornadoChart(Array.from({ length: 5 }, (_, i) => ({ ...rows[0]!, label: `a${i}` })), "", "l", "h", "", "") as unknown as { height: number }).height).toBe(140);
  });
  it("tornadoChart([]) has no bars and its rule at 0", () => {
    const empty = tornadoChart([], "", "l", "h", "", "") as unknown as { layer: Layer[] };
    expect(empty.layer[0]!.data!.values).toEqual([]);
    expect(empty.layer[1]!.data!.values).toEqual([{ x: 0 }]);
  });
});

describe("netBandChart(rows, title, axisTitle, yearTitle)", () => {
  const rows = [
    { year: 2, series: "base", net: -1000, low: -2000, high: 0 },
    { year: 1, series: "base", net: -3000, low: -3500, high: -2500 },
    { year: 1, series: "pessimistic", net: -4000, low: -4500, high: -3500 },
  ];
  const spec = netBandChart(rows, "Net", "kr", "year") as unknown as { data: { values: unknown[] }; layer: Layer[] };
  it("netBandChart(rows) spans the x axis over the years present, sorted, with a tick at each", () => {
    const x = spec.layer[1]!.encoding.x!;
    expect(x.scale).toEqual({ domain: [1, 2], nice: false });
    expect(x.axis).toEqual({ values: [1, 2], format: "d" });
  });
  it("netBandChart(rows) gives each series a colour in order of first appearance, the band from low to high and a rule at 0", () => {
    expect((spec.layer[0]!.encoding.color!.scale as { domain: string[] }).domain).toEqual(["base", "pessimistic"]);
    expect([spec.layer[0]!.encoding.y!.field, spec.layer[0]!.encoding.y2!.field]).toEqual(["low", "high"]);
    expect(spec.layer[2]!.data!.values).toEqual([{ y: 0 }]);
    expect(spec.data.values).toEqual(rows);
  });
});
