import { describe, expect, it } from "vitest";
import { valueQuantum } from "../../src/ingest/valueQuantum.ts";

describe("valueQuantum(values)", () => {
  it("valueQuantum(days counted in weeks) is 7; whole days 1; 0/1 events 1", () => {
    expect(valueQuantum([7, 14, 0, 364, 21])).toBe(7);
    expect(valueQuantum([3, 10, 0, 364])).toBe(1);
    expect(valueQuantum([0, 1, 1, 0])).toBe(1);
  });

  it("valueQuantum(kroner and øre) is 0.01; quarter hours 0.25; 12.5 and 100.25 give 0.25 (gcd 1250, 10025 → 25 at 10⁻²)", () => {
    expect(valueQuantum([1234.56, 100, 0.01])).toBe(0.01);
    expect(valueQuantum([37.25, 12.5, 40])).toBe(0.25);
    expect(valueQuantum([12.5, 100.25])).toBe(0.25);
  });

  it("valueQuantum(a rate such as 1/3) is null: no unit of at least 10⁻⁶ divides it", () => {
    expect(valueQuantum([1 / 3, 2])).toBeNull();
    expect(valueQuantum([Math.PI])).toBeNull();
  });

  it("valueQuantum([]) is null (nothing observed); all zeros give 1; a single value is its own unit", () => {
    expect(valueQuantum([])).toBeNull();
    expect(valueQuantum([0, 0])).toBe(1);
    expect(valueQuantum([42])).toBe(42);
    expect(valueQuantum([-14, 21])).toBe(7);
  });
});
