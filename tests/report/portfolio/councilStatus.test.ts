import { describe, expect, it } from "vitest";
import { latestPerEvaluation } from "../../../pipeline/commands/portfolio.ts";
import { councilStatus, type PublishedRun } from "../../../src/report/portfolio/councilStatus.ts";

type Row = Record<string, string>;
const money = (kr: string, unit: string, sources = "computed") => ({ kr, unit, sources });
/** A published economy row: each cell with its unit, as report/status_economy.csv writes it. */
function economyRow(project: string, sha: string, cells: Partial<Record<"investment" | "repayment" | "savings", { kr: string; unit: string; sources: string }>>, byYear = ""): Row {
  const row: Row = { project, project_label: `${project} (kontrakt)`, contract_sha256: sha, years: "2023–2025", repayment_by_year: byYear, notes: "", other_notes: "" };
  for (const [key, cell] of Object.entries(cells)) Object.assign(row, { [key]: cell.kr, [`${key}_unit`]: cell.unit, [`${key}_sources`]: cell.sources });
  return row;
}
const status = (project: string) => [{ project, intake: "60", planned: "", completed: "", effect: "–", intake_period: "", next_follow_up: "–" }];
const capital = (kr: string, sources = "observed") => money(kr, "capital/investor/whole_programme/2021-2030", sources);
const decentral = (kr: string, sources = "computed") => money(kr, "repayment/kommune_decentral/whole_programme/2021-2030", sources);
const run = (folder: string, evaluation: string, asOf: string, economy: Row[]): PublishedRun => ({ folder, evaluation, asOf, status: status(evaluation), economy });

describe("latestPerEvaluation(runs): one run per evaluation", () => {
  it("of four quarterly runs of the same evaluation uses the latest as-of and names the three others as ignored", () => {
    const quarters = ["2025-12-31", "2026-09-30", "2026-03-31", "2026-06-30"].map((asOf, i) => run(`q${i}`, "ungifokus", asOf, []));
    const other = run("h", "havnen", "2024-12-31", []);
    const { used, ignored } = latestPerEvaluation([...quarters, other]);
    expect(used.map((r) => r.folder)).toEqual(["q1", "h"]);
    expect(ignored.map((r) => r.folder)).toEqual(["q0", "q2", "q3"]);
  });

  it("councilStatus names the ignored runs and counts the investment once: 14,400,000 kr, not 4 × 14,400,000", () => {
    const quarters = ["2025-12-31", "2026-09-30", "2026-03-31", "2026-06-30"].map((asOf, i) => run(`q${i}`, "ungifokus", asOf, [economyRow("ungifokus", "aaa", { investment: capital("14400000"), repayment: decentral("0") })]));
    const { used, ignored } = latestPerEvaluation(quarters);
    const page = councilStatus(used, "da", { horizon: 2030, ignored });
    const economy = page.tables.find((t) => t.id === "council_economy")!;
    expect(economy.rows.at(-1)!.investment).toBe(14_400_000);
    expect(page.html).toContain("Ikke talt med (en senere kørsel af samme evaluering er brugt): q0 (ungifokus, 31. december 2025), q2 (ungifokus, 31. marts 2026), q3 (ungifokus, 30. juni 2026).");
  });
});

describe("councilStatus(runs, lang, options)", () => {
  // Lær for Livet reached from its own run and from UngiFokus's run (the same file): 17,900,000 once, not 35,800,000.
  const lfl = (sources: string) => economyRow("laer-for-livet", "lfl-hash", { investment: capital("17900000"), repayment: decentral("1842000", sources) }, "2023=500000;2024=600000;2031=742000");
  const ungi = run("u", "ungifokus", "2026-09-30", [
    economyRow("ungifokus", "u-hash", { investment: capital("14400000"), repayment: decentral("0"), savings: money("1401304.73", "gross_saving/kommune/per_cohort_year/5y") }),
    lfl("computed;typed_in"),
  ]);
  const own = run("l", "laer-for-livet", "2026-12-31", [lfl("computed;illustrative")]);
  // The release case: no contract, one person's package price (cost per person) and one person's 10-year saving.
  const release = run("r", "release", "2025-06-30", [
    { project: "", project_label: "", years: "–", investment: "139500", investment_unit: "cost/kommune/per_person/10y", investment_sources: "computed", savings: "920735", savings_unit: "gross_saving/kommune/per_person/10y", savings_sources: "computed" },
  ]);
  const page = councilStatus([ungi, own, release], "da", { horizon: 2030 });
  const economy = page.tables.find((t) => t.id === "council_economy")!;
  const total = economy.rows.at(-1)!;

  it("counts a contract reached from two runs once, from the run of its own evaluation: 14,400,000 + 17,900,000 = 32,300,000 kr", () => {
    expect(economy.rows.filter((r) => String(r.project).includes("laer-for-livet"))).toHaveLength(1);
    expect(total.investment).toBe(32_300_000);
    expect(page.html).toContain("laer-for-livet fra både laer-for-livet og ungifokus (samme kontraktfil) er talt én gang, fra laer-for-livet");
  });

  it("sums only like amounts: the per-person package price is shown in its row, not added to the capitals; no savings total from a per-cohort and a per-person saving", () => {
    const releaseRow = economy.rows.find((r) => r.investment === 139_500)!;
    expect(releaseRow.notes).toContain("Investering er indsatsomkostning, kommunen (ikke opdelt decentral/central), pr. person, 10 år efter start og summeres ikke med kolonnen");
    expect(total.savings).toBeNull();
    expect(total.notes).toContain("Decentrale besparelser i alt omfatter ikke");
  });

  it("cuts the repayment at the horizon: 500,000 + 600,000 = 1,100,000 kr to 2030 (2031's 742,000 left out)", () => {
    expect(economy.rows.find((r) => String(r.project).includes("laer-for-livet"))!.repayment).toBe(1_100_000);
    const to2031 = councilStatus([own], "da", { horizon: 2031 }).tables[0]!;
    expect(to2031.rows[0]!.repayment).toBe(1_842_000);
    expect(page.html).toContain("<h2>Økonomi – frem til 2030</h2>");
  });

  it("marks an illustrative cell and a total resting on it", () => {
    expect(economy.rows.find((r) => String(r.project).includes("laer-for-livet"))!.notes).toContain("Decentral tilbagebetaling: illustrativ");
    expect(total.notes).toContain("Decentral tilbagebetaling: illustrativ");
  });

  it("suppresses a total that would include a suppressed cell", () => {
    const hidden = run("h", "havnen", "2024-12-31", [economyRow("havnen", "h", { investment: capital("15933563"), repayment: money("x", "", "") })]);
    const t = councilStatus([hidden, own], "da", { horizon: 2030 }).tables[0]!;
    expect(t.rows.at(-1)!.repayment).toBe("x");
  });

  it("keeps a suppressed count as the run published it", () => {
    const small = { ...own, status: [{ project: "B", intake: "12", planned: "", completed: "<5", outcome_label: "Bolig", effect: "–" }] };
    const p = councilStatus([small], "da", { horizon: 2030 });
    expect(p.html).toContain("<li>&lt;5 er fulgt hele opfølgningsperioden for »Bolig«.</li>");
  });
});
