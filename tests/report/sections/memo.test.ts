import { describe, expect, it } from "vitest";
import { caseSectorsTable } from "../../../src/report/businessTables.ts";
import { texts } from "../../../src/report/i18n.ts";
import { memoSentences } from "../../../src/report/sections/memo.ts";
import type { ReportInput } from "../../../src/report/sections/section.ts";
import { tableHtml, type Table } from "../../../src/report/table.ts";
import type { CaseProjection } from "../../../src/project/schema.ts";

const t = texts("da");
const arms = [
  { name: "control", label: { da: "Kontrolgruppe", en: "Control group" }, control: true },
  { name: "treatment", label: { da: "Indsatsgruppe", en: "Programme group" } },
];

/** Hand-made artefacts: only what the summary reads. */
function input(p: { pValue: number; checks?: { id: string; passed: boolean | null }[]; lang?: "da" | "en" }): ReportInput {
  return {
    lang: p.lang ?? "da",
    minCell: 5,
    spec: { primaryOutcome: "education_24m", outcomes: [{ id: "education_24m" }], estimation: { confidence: 0.95 }, assignment: { mode: "randomise", arms } },
    run: {
      ingest: { asOf: "2026-09-30", outcomes: [{ id: "education_24m", label: { da: "I uddannelse efter 24 måneder", en: "In education at 24 months" } }, { id: "psych", label: { da: "Psykiatrisk indlæggelse", en: "Psychiatric admission" } }] },
      assignment: { consort: { arms: [{ arm: "treatment" }, { arm: "control" }] }, checks: p.checks ?? [], matching: null },
      effects: { design: "randomised", estimates: [{ outcome: "education_24m", contrast: "treatment vs control", estimator: "ols_adjusted", p_value: p.pValue }] },
      projection: null,
      repayment: null,
      monitoring: null,
    },
  } as unknown as ReportInput;
}

function tables(memo: { difference: string; means: string; p: number | null }): Table[] {
  const summary: Table = {
    id: "summary",
    columns: [],
    rows: [
      { figure_id: "as_of", value: "2026-09-30" },
      { figure_id: "intake", value: 478 },
      { figure_id: "randomised:treatment", value: 239 },
      { figure_id: "randomised:control", value: 239 },
    ],
  };
  const consort: Table = { id: "consort", columns: [], rows: [{ stage_id: "analysed", arm_id: "treatment", n: 183 }, { stage_id: "analysed", arm_id: "control", n: 180 }] };
  const primary: Table = {
    id: "effects_primary",
    columns: [],
    rows: [
      { outcome_id: "education_24m", contrast_id: "treatment vs control", estimator_id: "ols_adjusted", means: memo.means, difference: memo.difference, ci: "-2,3 procentpoint til +10,9 procentpoint", p: memo.p },
      { outcome_id: "psych", contrast_id: "treatment vs control", estimator_id: "ols_adjusted", means: "5,5 % (Indsatsgruppe) mod 14,2 % (Kontrolgruppe)", difference: "-9,4 procentpoint", ci: "-15,5 procentpoint til -3,4 procentpoint", p: 0.002 },
    ],
  };
  const effects: Table = { id: "effects", columns: [], rows: [{ outcome_id: "psych", contrast_id: "treatment vs control", estimator_id: "ols_adjusted", p_holm: 0.021 }] };
  return [summary, consort, primary, effects];
}

const intake = "Pr. 30. september 2026 var 478 personer indskrevet og randomiseret: 239 til Indsatsgruppe og 239 til Kontrolgruppe.";
const followed = "Det primære udfald er opgjort for 183 i Indsatsgruppe og 180 i Kontrolgruppe.";
const secondary = "Blandt de sekundære udfald er Psykiatrisk indlæggelse (-9,4 procentpoint; justeret p = 0,021) statistisk signifikant efter Holm-korrektion for flere udfald (justeret p < 0,05).";

describe("memoSentences(input, t, disclosedTables)", () => {
  it("says a primary effect with p = 0,201 is not statistically significant, with raw means labelled", () => {
    const out = memoSentences(input({ pValue: 0.201 }), t, tables({ difference: "+4,3 procentpoint", means: "13,1 % (Indsatsgruppe) mod 8,7 % (Kontrolgruppe)", p: 0.201 }));
    expect(out).toEqual([
      intake,
      followed,
      "Det primære udfald, I uddannelse efter 24 måneder, var 13,1 % (Indsatsgruppe) mod 8,7 % (Kontrolgruppe) (rå gennemsnit; forskellen er justeret for baggrundsvariable); forskellen er +4,3 procentpoint (95 % KI -2,3 procentpoint til +10,9 procentpoint; p = 0,201).",
      "Forskellen er ikke statistisk signifikant på 5 %-niveau.",
      secondary,
    ]);
  });

  it("says a primary effect with p = 0,012 is statistically significant", () => {
    const out = memoSentences(input({ pValue: 0.012 }), t, tables({ difference: "+8,0 procentpoint", means: "15,0 % (Indsatsgruppe) mod 7,0 % (Kontrolgruppe)", p: 0.012 }));
    expect(out[3]).toBe("Forskellen er statistisk signifikant på 5 %-niveau.");
  });

  it("says the primary outcome is suppressed instead of leaving it out", () => {
    const out = memoSentences(input({ pValue: 0.3 }), t, tables({ difference: "<5", means: "<5", p: null }));
    expect(out[2]).toBe("Det primære udfald, I uddannelse efter 24 måneder, er undertrykt: tallene hviler på færre end 5 personer og vises ikke i denne rapport.");
    expect(out.join(" ")).not.toContain("signifikant på");
  });

  it("names every failed allocation check, in English with --lang en", () => {
    const checks = [{ id: "crossovers", passed: false }, { id: "no_one_twice", passed: true }];
    expect(memoSentences(input({ pValue: 0.2, checks }), t, tables({ difference: "+4,3 procentpoint", means: "m", p: 0.2 })).at(-1)).toBe("Tjek af tildelingen fejlede: kontrolpersoner, der fik indsatsen.");
    const en = memoSentences(input({ pValue: 0.2, checks, lang: "en" }), texts("en"), tables({ difference: "+4.3 percentage points", means: "m", p: 0.2 }));
    expect(en[0]).toBe("As of 30 September 2026, 478 persons were enrolled and randomised: 239 to the Programme group and 239 to the Control group.");
    expect(en.at(-1)).toMatch(/^Allocation checks failed: .+\.$/);
  });
});

describe("caseSectorsTable(case, t)", () => {
  // Two lines over two years: line a all kommune, line b split 25 % region / 75 % stat.
  const scenario = {
    years: [1, 2],
    yearWeights: [1, 1],
    lines: [
      { id: "a", total: { kommune: 300, region: 0, stat: 0, society: 300 }, interval: { low: 100, high: 500, from: "x" } },
      { id: "b", total: { kommune: 0, region: 100, stat: 300, society: 400 }, interval: { low: 200, high: 800, from: "x" } },
    ],
    savingsByYear: { kommune: [200, 100], region: [60, 40], stat: [180, 120], society: [440, 260] },
    totals: { kommune: 300, region: 100, stat: 300, society: 700 },
    interventionCostByYear: [250, 0],
    interventionCostTotal: 250,
    netByYear: { kommune: [-50, 100], region: [60, 40], stat: [180, 120], society: [190, 260] },
  };
  const table = caseSectorsTable({ name: "c", scenarios: [scenario] } as unknown as CaseProjection, t);
  const row = (id: string) => table.rows.find((r) => r.row_id === id)!;

  it("has sector rows, year columns and a total that is the sum of the years", () => {
    expect(table.columns.slice(0, 4).map((c) => c.label)).toEqual(["Sektor", "År 1", "År 2", "I alt"]);
    expect([row("savings:kommune").year_1, row("savings:kommune").year_2, row("savings:kommune").total]).toEqual([200, 100, 300]);
    expect([row("savings:society").total, row("cost").total, row("net:kommune").total, row("net:society").total]).toEqual([700, 250, 50, 450]);
  });

  it("splits each line's interval between the sectors as its total is split, and moves the net's by the cost", () => {
    expect([row("savings:kommune").ci_low, row("savings:kommune").ci_high]).toEqual([100, 500]);
    expect([row("savings:region").ci_low, row("savings:region").ci_high]).toEqual([50, 200]);
    expect([row("savings:stat").ci_low, row("savings:stat").ci_high]).toEqual([150, 600]);
    expect([row("net:kommune").ci_low, row("net:kommune").ci_high]).toEqual([-150, 250]);
    expect([row("net:society").ci_low, row("net:society").ci_high]).toEqual([50, 1050]);
  });
});

describe("tableHtml: a suppressed cell", () => {
  const table: Table = {
    id: "t",
    columns: [{ key: "n", label: "n", kind: "count" }, { key: "difference", label: "Forskel", kind: "text" }, { key: "kr", label: "kr.", kind: "kr" }],
    rows: [{ n: "<5", difference: "<5", kr: "x" }],
  };
  it("is '<5' in a count column and '–' with a footnote in a difference or kroner column", () => {
    const html = tableHtml(table, "da");
    expect(html).toContain('<td class="count">&lt;5</td><td class="text">–</td><td class="kr">–</td>');
    expect(html).toContain("– betyder, at tallet er skjult, fordi det hviler på færre end 5 personer eller ville afsløre et sådant tal.");
  });
  it("has no footnote when nothing is dashed", () => {
    expect(tableHtml({ ...table, rows: [{ n: "<5", difference: "+1,0 procentpoint", kr: 100 }] }, "da")).not.toContain("betyder");
  });
});
