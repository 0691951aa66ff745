import { describe, expect, it } from "vitest";
import { columnDigits, roundP, roundTo, toPublishedPrecision } from "../../../src/report/disclosure/precision.ts";
import type { Table } from "../../../src/report/table.ts";

describe("published precision", () => {
  it("roundTo rounds half away from zero without binary noise", () => {
    expect(roundTo(314.4117647058824, 1)).toBe(314.4);
    expect(roundTo(0.0437158469945, 3)).toBe(0.044);
    expect(roundTo(-0.0205, 3)).toBe(-0.021);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
  });

  it("roundP: 3 decimals; below 0.001 one significant digit (0.000437 → 0.0004)", () => {
    expect(roundP(0.9138153087113546)).toBe(0.914);
    expect(roundP(0.000437)).toBe(0.0004);
    expect(roundP(1)).toBe(1);
  });

  it("columnDigits: a percent column with 1 digit is published to 3 decimals of the share; kr. and text are left as they are", () => {
    expect(columnDigits({ key: "share", label: "", kind: "percent" })).toBe(3);
    expect(columnDigits({ key: "e", label: "", kind: "number", digits: 3 })).toBe(3);
    expect(columnDigits({ key: "a", label: "", kind: "kr" })).toBeNull();
    expect(columnDigits({ key: "a", label: "", kind: "number", digits: 3 }, "kr")).toBeNull();
  });

  it("toPublishedPrecision rounds number cells as the HTML shows them and leaves suppressed marks and text", () => {
    const table: Table = {
      id: "t",
      columns: [{ key: "label", label: "", kind: "text" }, { key: "estimate", label: "", kind: "number", digits: 3 }, { key: "share", label: "", kind: "percent" }, { key: "p", label: "", kind: "p" }, { key: "amount", label: "", kind: "kr" }],
      rows: [{ label: "0.123456", estimate: 0.043715846994535526, share: 0.7925925925925926, p: 0.18114180566146676, amount: 995819.72 }, { label: "a", estimate: "x", share: "<5", p: null, amount: 1.234 }],
    };
    expect(toPublishedPrecision(table).rows).toEqual([
      { label: "0.123456", estimate: 0.044, share: 0.793, p: 0.181, amount: 995819.72 },
      { label: "a", estimate: "x", share: "<5", p: null, amount: 1.234 },
    ]);
  });
});
