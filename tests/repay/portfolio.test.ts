/**
 * The 002 portfolio check (fixtures/contracts/portfolio-002.json): every printed row and total of
 * "Økonomi – frem til 2030" (002 lines 675–706) and the text of section 6 (lines 459–477), each
 * named with its line; the expected verdicts worked out by hand from the printed figures.
 */
import { noteText } from "../../src/report/i18n.ts";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Portfolio, portfolioView } from "../../src/repay/portfolio.ts";

const portfolio = Portfolio.parse(JSON.parse(readFileSync("fixtures/contracts/portfolio-002.json", "utf8")));
const checks = portfolioView(portfolio, new Map()).checks;
const check = (what: string) => {
  // A check is found by its English words (src/report/words/en.ts), which name the row, line and arithmetic.
  const found = checks.find((c) => noteText("en", c.what) === what);
  if (!found) throw new Error(`no check '${what}'`);
  return found;
};

describe("portfolioView on 002's table", () => {
  it("portfolioView checks each row's investment against the capital on its own page", () => {
    // Havnen 16,0 (line 688) vs 15.933.563 (line 1102): 15.93 rounds to 15.9, not 16.0.
    expect(check("Havnen (line 688): investment = the capital stated on its page (line 1102)")).toMatchObject({ published: 16, ok: false });
    // Hjem, job og helhed 7,3 vs 7.254.200: 7.25 is within half a printed decimal of 7.3 (|7.2542 − 7.3| = 0.0458 ≤ 0.05).
    expect(check("Hjem, job og helhed (line 693): investment = the capital stated on its page (line 784)").ok).toBe(true);
    // Dialog mod Vold 4,7 (line 695) against a capital of 4.800.000 (line 1580).
    expect(check("Dialog mod Vold (line 695): investment = the capital stated on its page (line 1580)")).toMatchObject({ published: 4.7, computed: 4.8, ok: false });
    expect(check("Lær for Livet (line 697): investment = the capital stated on its page (line 1873)")).toMatchObject({ published: 17.3, computed: 17.9, ok: false });
    expect(check("Ungifokus (line 699): investment = the capital stated on its page (line 1335)").ok).toBe(true);
  });

  it("portfolioView checks every row's net and every total: 59,7 and 14,1 are the sums; 18,2 and the net are not", () => {
    for (const [name, line] of [["Havnen", 688], ["Hjem, job og helhed", 693], ["Dialog mod Vold", 695], ["Lær for Livet", 697], ["Ungifokus", 699]] as const) {
      expect(check(`${name} (line ${line}): net = savings − repayment`).ok).toBe(true);
    }
    // 16,0 + 7,3 + 4,7 + 17,3 + 14,4 = 59,7; 6,1 + 2,2 + 1,4 + 4,4 + 0 = 14,1.
    expect(check("total investment (line 461): the sum of the rows").computed).toBeCloseTo(59.7, 9);
    expect(check("total decentral repayment (line 467): the sum of the rows").ok).toBe(true);
    // 7,3 + 7,4 + 1,4 + 6,8 + 0 = 22,9 against 18,2; nets 1,2 + 5,2 + 0 + 2,4 + 0 = 8,8 against 18,2 − 14,1 = 4,1.
    expect(check("total decentral savings (line 471): the sum of the rows")).toMatchObject({ published: 18.2, ok: false });
    expect(check("total decentral savings (line 471): the sum of the rows").computed).toBeCloseTo(22.9, 9);
    expect(check("total net savings (line 475): the sum of the rows").computed).toBeCloseTo(8.8, 9);
  });

  it("portfolioView checks 'under 0,5 mio. kr. a year': true on the text's totals (0,41), not on the rows (0,88)", () => {
    const text = check("yearly net saving (line 475): (the text's savings − repayment) / 10 years is below 0.5");
    expect(text.computed).toBeCloseTo(0.41, 9);
    expect(text.ok).toBe(true);
    const rows = check("yearly net saving (line 475) on the table's rows: (Σ savings − Σ repayment) / 10 years is below 0.5");
    expect(rows.computed).toBeCloseTo(0.88, 9);
    expect(rows.ok).toBe(false);
  });

  it("every row and total of the portfolio file names its line", () => {
    expect(portfolio.rows.every((r) => r.line !== undefined && r.capital !== undefined)).toBe(true);
    expect(portfolio.totals.every((t) => t.line !== undefined)).toBe(true);
  });
});
