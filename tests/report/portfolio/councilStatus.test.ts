import { describe, expect, it } from "vitest";
import { councilStatus, type PublishedRun } from "../../../src/report/portfolio/councilStatus.ts";

const economyRow = (project: string, investment: string, repayment: string, savings: string, net: string) => ({ project, project_label: `${project} (kontrakt)`, investment, repayment, savings, net, years: "2023–2025" });
const runA: PublishedRun = {
  folder: "a",
  evaluation: "a",
  asOf: "2026-09-30",
  status: [{ project: "Evaluering A", intake: "478", planned: "500", completed: "366", effect: "I uddannelse: 0,044 (p = 0,181)", intake_period: "1. oktober 2021 – 30. september 2025", next_follow_up: "31. december 2026", outcome: "education_24m", outcome_label: "I uddannelse" }],
  economy: [economyRow("a1", "14400000", "1631069.72", "1401304.73", "-229764.99"), economyRow("a2", "7254200", "1540000", "", "")],
};
const runB: PublishedRun = {
  folder: "b",
  evaluation: "b",
  asOf: "2025-06-30",
  status: [{ project: "Evaluering B", intake: "12", planned: "", completed: "<5", effect: "–", intake_period: "", next_follow_up: "–", outcome: "x", outcome_label: "Bolig" }],
  economy: [economyRow("b1", "4800000", "x", "1400000", "x")],
};

describe("councilStatus(runs, lang)", () => {
  const status = councilStatus([runA, runB], "da");
  const economy = status.tables.find((t) => t.id === "council_economy")!;

  it("lists every run's economy rows and a total per column: 14,400,000 + 7,254,200 + 4,800,000 = 26,454,200 kr.", () => {
    expect(economy.rows.map((r) => r.project)).toEqual(["a1 (kontrakt)", "a2 (kontrakt)", "b1 (kontrakt)", ""]);
    expect(economy.rows.at(-1)!.investment).toBe(26_454_200);
    expect(economy.rows.at(-1)!.savings).toBeCloseTo(2_801_304.73, 6);
  });

  it("suppresses a total that would include a suppressed cell (1,631,069.72 + 1,540,000 + x is x)", () => {
    expect(economy.rows[2]!.repayment).toBe("x");
    expect(economy.rows.at(-1)!.repayment).toBe("x");
    expect(economy.rows.at(-1)!.net).toBe("x");
  });

  it("keeps a suppressed count as the run published it, in the table and in the block", () => {
    const evaluations = status.tables.find((t) => t.id === "council_evaluations")!;
    expect(evaluations.rows.map((r) => [r.intake, r.planned, r.completed])).toEqual([[478, 500, 366], [12, null, "<5"]]);
    expect(status.html).toContain("<li>&lt;5 er fulgt hele opfølgningsperioden for »Bolig«.</li>");
    expect(status.html).toContain("<li>Ved seneste opfølgning (30. september 2026) var der 478 tilknyttet projektet; planen var 500 til denne dato.</li>");
    expect(status.html).toContain("<li>Ved seneste opfølgning (30. juni 2025) var der 12 tilknyttet projektet.</li>");
  });

  it("names every evaluation and titles the economy by the last payment year", () => {
    expect(status.html).toContain("<h2>Evaluering A</h2>");
    expect(status.html).toContain("<h2>Evaluering B</h2>");
    expect(status.html).toContain("<h2>Økonomi – frem til 2026</h2>");
  });
});
