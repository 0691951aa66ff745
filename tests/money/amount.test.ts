import { describe, expect, it } from "vitest";
import { amount, unlikeness } from "../../src/money/amount.ts";

const to2030 = { kind: "calendar", from: 2022, to: 2030 } as const;
const repayment = amount(6_100_000, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: to2030, sources: ["illustrative", "forecast"] });

describe("amount(kr, unit)", () => {
  it("amount(kr, unit) keeps every unit and orders the sources as SOURCES does (observed, computed, forecast, illustrative, typed_in)", () => {
    expect(repayment).toEqual({ kr: 6_100_000, kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: to2030, sources: ["forecast", "illustrative"] });
  });

  it("amount(NaN | ∞, unit) throws: an amount is a finite number of kroner", () => {
    const unit = { kind: "cost", budget: "kommune", scope: "per_person", period: { kind: "relative", years: 5 }, sources: [] } as const;
    expect(() => amount(Number.NaN, unit)).toThrow("amount requires a finite number of kroner");
    expect(() => amount(Infinity, unit)).toThrow("amount requires a finite number of kroner");
  });
});

describe("unlikeness(a, b)", () => {
  const like = (change: Partial<Parameters<typeof amount>[1]>) => amount(1, { kind: "repayment", budget: "kommune_decentral", scope: "whole_programme", period: to2030, sources: [], ...change });

  it("unlikeness(a, b) is null for amounts of one kind, budget, scope and horizon, whatever their sources or first year", () => {
    expect(unlikeness(repayment, like({ sources: ["typed_in"], period: { kind: "calendar", from: 2024, to: 2030 } }))).toBeNull();
  });

  it("unlikeness(a, b) names the first unit that differs: kind, budget, scope, period kind, years, horizon", () => {
    expect(unlikeness(repayment, like({ kind: "cost" }))).toBe("kind repayment ≠ cost");
    expect(unlikeness(repayment, like({ budget: "stat" }))).toBe("budget kommune_decentral ≠ stat");
    expect(unlikeness(repayment, like({ scope: "per_person" }))).toBe("scope whole_programme ≠ per_person");
    expect(unlikeness(repayment, like({ period: { kind: "relative", years: 5 } }))).toBe("period calendar ≠ relative");
    expect(unlikeness(like({ period: { kind: "relative", years: 5 } }), like({ period: { kind: "relative", years: 10 } }))).toBe("period 5 ≠ 10 years");
    expect(unlikeness(repayment, like({ period: { kind: "calendar", from: 2022, to: 2031 } }))).toBe("period to 2030 ≠ to 2031");
  });
});
