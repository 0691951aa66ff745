/** parseCell: one rule for numbers (sign, surrounding spaces, no exponent or hex, at most 15 digits) and the plausibility bounds it applies (the ranges themselves: plausibility.test.ts). */
import { describe, expect, it } from "vitest";
import { parseCell, type CellFormats } from "../../src/ingest/rowSchema.ts";
import { plausibleRange } from "../../src/ingest/plausibility.ts";
import { EXTRACT_KINDS } from "../../src/ingest/extractKinds.ts";

const formats: CellFormats = { dateFormat: "iso", monthFormat: "yyyy-mm", weekFormat: "iso", decimal: "," };
const hours = EXTRACT_KINDS.paid_hours_monthly.hours;
const result = (raw: string, f: CellFormats = formats) => {
  const r = parseCell(hours, f, raw);
  return r.ok ? r.value : r.rule;
};

describe("parseCell", () => {
  it("parseCell(number) reads a sign and trims surrounding spaces, and rejects exponents, hex, units and more than 15 digits", () => {
    expect(result("+3,0")).toBe(3);
    expect(result(" 7,5")).toBe(7.5);
    expect(result("1.234,5")).toBe(1234.5);
    expect(result("1e3")).toBe("invalid_number");
    expect(result("0x10")).toBe("invalid_number");
    expect(result("7 5")).toBe("invalid_number");
    expect(result("11,6 t")).toBe("invalid_number");
    expect(result("ca. 10")).toBe("invalid_number");
    expect(result("99999999999999999999999")).toBe("too_many_digits");
    expect(result("123456789012345")).toBe(123456789012345); // 15 digits: read exactly (no bounds in these formats)
    expect(result("-1")).toBe("below_minimum");
  });

  it("parseCell applies plausibility bounds: hours ≤ 744 by default, moved by the spec", () => {
    const bounded = { ...formats, bounds: { ...plausibleRange("paid_hours_monthly", "hours", hours, undefined, undefined)!, setting: "extracts.h.bounds.hours" } };
    expect(result("744", bounded)).toBe(744);
    expect(result("744,5", bounded)).toBe("implausible_value");
    const moved = { ...formats, bounds: { ...plausibleRange("paid_hours_monthly", "hours", hours, { max: 2000 }, undefined)!, setting: "x" } };
    expect(result("1.234,5", moved)).toBe(1234.5);
  });
});
