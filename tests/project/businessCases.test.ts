/** The two published business cases, reproduced from their stated assumptions (fixtures/business-cases/). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectCase } from "../../src/project/projectCase.ts";
import { labelIn } from "../../src/shared/label.ts";

const load = (name: string) => projectCase(JSON.parse(readFileSync(`fixtures/business-cases/${name}.json`, "utf8")), name, null);
const figure = (c: ReturnType<typeof load>, id: string) => c.published.find((p) => p.id === id)!;

describe("UngiFokus (001 appendix)", () => {
  const c = load("ungifokus-001");

  it("reproduces the region's 2,250,000 kr within 0.5 %: 115 × (2.8 × 4,500 + 0.7 × 654) × (1 + ½)", () => {
    expect(figure(c, "region_total")).toMatchObject({ verdict: "reproduced", reproduced: 115 * (2.8 * 4500 + 0.7 * 654) * 1.5 });
  });

  it("the kommune's 1,950,000 kr follows only with no state share and 90 % in years 4 and 5, and says so", () => {
    const k = figure(c, "kommune_total");
    expect(k.verdict).toBe("differs");
    expect(k.reproduced).toBeCloseTo(0.8 * 115 * 8.76 * 275 * (3 + 0.9 + 0.81) + 115 * 3600 * 1.5, 6);
    expect(k.nearest.map((n) => [n.scenario, Math.round(n.value!)])).toEqual([
      ["no_state_share", Math.round(115 * 8.76 * 275 * 4.71 + 115 * 3600 * 1.5)],
      ["no_state_share_flat_ninety", Math.round(115 * 8.76 * 275 * 4.8 + 115 * 3600 * 1.5)],
    ]);
    expect(Math.abs(k.nearest[1]!.relativeDifference!)).toBeLessThan(0.001);
    expect(figure(c, "stat_total").verdict).toBe("differs");
  });

  it("the total ≈ 4.2 mio. kr, the yield ≈ 2.2 mio. kr a year and society's break-even in year 1 hold", () => {
    expect(["society_total", "yield_per_year", "society_break_even"].map((id) => figure(c, id).verdict)).toEqual(["reproduced", "reproduced", "reproduced"]);
  });

  it("the kommune does not break even within 5 years on ≈ 2 mio. kr a cohort", () => {
    expect(figure(c, "kommune_break_even")).toMatchObject({ verdict: "differs", reproduced: null });
    expect(c.scenarios[0]!.investmentCeiling.perCohort).toBeLessThan(2000000);
  });
});

describe("Release case (000)", () => {
  const c = load("release-000");

  it("reproduces 19,012 kr a month, 2.5 mio. kr over 10 years and the SØM municipal 206,000 kr", () => {
    expect(figure(c, "monthly_passivity")).toMatchObject({ verdict: "reproduced" });
    expect(figure(c, "monthly_passivity").reproduced).toBeCloseTo(228147 / 12, 9);
    expect(figure(c, "passivity_ten_years").reproduced).toBe(10 * 228147 + 241500);
    expect(figure(c, "som_kommune")).toMatchObject({ verdict: "reproduced", reproduced: 0.37 * 557000 });
  });

  it("shows which ROIs follow from the stated assumptions: none of 9.2×, 18.6×, 3.5× do", () => {
    expect(figure(c, "roi_realistic")).toMatchObject({ verdict: "differs" });
    expect(figure(c, "roi_realistic").reproduced).toBeCloseTo((0.5 * 2522970) / 139500, 9);
    const optimistic = figure(c, "roi_optimistic");
    expect(optimistic.verdict).toBe("differs");
    expect(optimistic.nearest[0]!.value).toBeCloseTo((0.65 * 5 * 228147) / 40000, 9);
    expect(figure(c, "roi_conservative").verdict).toBe("differs");
  });

  it("break-even years: realistic and optimistic year 1 hold, conservative year 3 only without the re-offending line", () => {
    expect(figure(c, "break_even_realistic").verdict).toBe("reproduced");
    expect(figure(c, "break_even_optimistic").verdict).toBe("reproduced");
    expect(figure(c, "break_even_conservative")).toMatchObject({ verdict: "differs", reproduced: 2 });
    expect(figure(c, "break_even_conservative").nearest[0]!.value).toBe(3);
  });

  it("the ceilings 171k / 103k / 222k are 18 months of passivity at 50 / 30 / 65 % in work, not the stated municipal shares", () => {
    for (const [id, p] of [["ceiling_cautious", 0.5], ["ceiling_low", 0.3], ["ceiling_high", 0.65]] as const) {
      const f = figure(c, id);
      expect(f.verdict).toBe("differs");
      expect(f.nearest[0]!.value).toBeCloseTo(p * 18 * (228147 / 12), 6);
    }
  });

  it("sensitivity gives tornado data for every item", () => {
    expect(c.sensitivity.map((s) => s.label)).toHaveLength(3);
    for (const s of c.sensitivity) expect(s.societyNet.low).not.toBeNaN();
  });

  it("'Job probability (all three lines)' moves every line it names: society net 617,391 kr at 30 %, 1,500,430.5 kr at 65 %", () => {
    // 10 years, one person, the heavy package 139,500 kr, no discounting:
    //   cash benefit p × 118,147 × 10, lost tax p × 110,000 × 10, re-offending p × 241,500 (spread ½ + ½ over years 1–2).
    // p = 0.30: 354,441 + 330,000 + 72,450 − 139,500 = 617,391 (moving the cash-benefit line alone gave 885,691).
    // p = 0.65: 767,955.5 + 715,000 + 156,975 − 139,500 = 1,500,430.5
    const job = c.sensitivity.find((s) => labelIn("en", s.label) === "Job probability (all three lines)")!;
    expect(job.path).toEqual(["lines.cash_benefit.effect.value", "lines.lost_tax.effect.value", "lines.reoffending.effect.value"]);
    expect(job.societyNet.low).toBeCloseTo(617391, 6);
    expect(job.societyNet.high).toBeCloseTo(1500430.5, 6);
    // the base (50 %): 590,735 + 550,000 + 120,750 − 139,500 = 1,121,985
    expect(job.societyNet.base).toBeCloseTo(1121985, 6);
  });
});
