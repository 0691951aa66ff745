/**
 * The engine over the new tables: a business case on a binary estimate whose events are few is blanked with the
 * estimate (amount ÷ price ÷ cohort gives the estimate back); a risk row follows its period's ledger lines; the payer
 * split and the investors' return follow the ledger's published period totals.
 */
import { describe, expect, it } from "vitest";
import { caseYearsTable } from "../../../src/report/businessTables.ts";
import { discloseTables } from "../../../src/report/disclosure/discloseTables.ts";
import { texts } from "../../../src/report/i18n.ts";
import { investorTable, ledgerTable, payerSplitTable, riskTable } from "../../../src/report/repaymentTables.ts";
import type { RunArtefacts } from "../../../src/report/buildReport.ts";
import type { Table } from "../../../src/report/table.ts";

const da = texts("da");
const contrast = "treatment vs control";

/** One binary outcome, 100 per arm: the programme group has `treatedEvents` events, the control group 10. */
function run(treatedEvents: number, linePersons: number | null): RunArtefacts {
  const line = (id: string) => ({ id, label: id, effectPerPerson: 1, unitPriceKr: 1, decayFactors: [1], decayConvention: "", savingsByYear: { kommune: [70], region: [0], stat: [0], society: [70] }, total: { kommune: 70, region: 0, stat: 0, society: 70 }, interval: { low: 10, high: 130, from: `the 95 % CI of difference_in_means on flex (${contrast}) × -1000` } });
  const scenario = { scenario: "base", label: "b", years: [1], yearWeights: [1], lines: [line("a")], savingsByYear: { kommune: [70], region: [0], stat: [0], society: [70] }, totals: { kommune: 70, region: 0, stat: 0, society: 70 }, sectorShares: { kommune: 1, region: 0, stat: 0 }, interventionCostByYear: [50], interventionCostTotal: 50, netByYear: { kommune: [20], region: [0], stat: [0], society: [20] }, cumulativeNet: { kommune: [20], region: [0], stat: [0], society: [20] }, breakEven: { year: { kommune: 1, region: 1, stat: 1, society: 1 }, month: { kommune: 9, region: 1, stat: 1, society: 9 }, discounted: false }, roi: { gross: { kommune: 1.4, region: 0, stat: 0, society: 1.4 }, net: { kommune: 0.4, region: -1, stat: -1, society: 0.4 } }, npv: { kommune: 20, region: 0, stat: 0, society: 20 }, discountRate: 0, discountConvention: "", steadyState: null, investmentCeiling: { perPerson: 1, perCohort: 70, description: "" } };
  const period = (p: string, amount: number) => ({ period: p, paymentYear: Number(p), from: `${p}-01-01`, dueDate: `${p}-12-31`, status: "due", statusNote: "", persons: 20, beforeCaps: amount, trueUp: 0, capsApplied: [], computedAmount: amount, settledAmount: null, settlementDate: null, settledFromRun: null, restatement: null, amount, byPayer: { state: amount }, cumulativeAmount: amount, remainingCapital: 0, illustrative: false, dueDateIllustrative: false });
  return {
    ingest: { persons: 200, asOf: "2024-12-31", outcomes: [{ id: "flex", type: "binary", label: "flex", observed: 200, censored: 0, incomplete: 0, notApplicable: 0 }] },
    assignment: null,
    effects: { design: "randomised", confidence: 0.95, estimates: [{ outcome: "flex", contrast, estimator: "difference_in_means", n_treated: 100, n_control: 100, mean_treated: treatedEvents / 100, mean_control: 0.1, estimate: treatedEvents / 100 - 0.1, conf_low: -0.13, conf_high: -0.01, p_value: 0.04 }], subgroups: [], kpis: [] },
    projection: { artefact: "projection", schema_version: 1, evaluation: "x", cases: [{ name: "trial", title: "t", source: "", notProjected: null, scenarios: [scenario], sensitivity: [], published: [] }] },
    repayment: {
      artefact: "repayment",
      schema_version: 3,
      evaluation: "x",
      portfolio: null,
      contracts: [
        {
          name: "rc", title: "rc", source: "", capital: 100000, illustrative: [], restsOnIllustrativeTerms: false, asOf: "2025-06-30",
          lines: [{ period: "2024", paymentYear: 2024, rule: "card", item: { da: "Job", en: "Job" }, basis: { persons: linePersons, price: 40000 }, formula: "", amount: linePersons === null ? null : 40000 * linePersons, suppressed: linePersons === null, illustrative: false }],
          periods: [period("2024", 40000 * (linePersons ?? 3))],
          repaidToDate: 0, dueToDate: 40000 * (linePersons ?? 3), provisional: 0, contractTotal: 40000 * (linePersons ?? 3), restatementOutstanding: 0, savingLimit: null, byPayer: { state: 40000 * (linePersons ?? 3) },
          investorReturn: { total: 0, multiple: 0, irr: { rate: null, reason: "no_inflow" }, irrToDate: { rate: null, reason: "nothing_settled" }, floorTopUp: 0, note: "" },
          risk: [{ rule: "card", period: "2024", simulations: 10000, seed: 1, probabilityTriggered: 0.95, amount: { mean: 120000, p05: 0, p50: 120000, p95: 240000 }, method: "bootstrap of the period's persons" }],
          published: [],
        },
      ],
    },
  } as unknown as RunArtefacts;
}

function tables(r: RunArtefacts): Table[] {
  const effects: Table = { id: "effects", columns: [{ key: "estimate", label: "e", kind: "number" }], rows: [{ outcome_id: "flex", contrast_id: contrast, estimator_id: "difference_in_means", n_treated: 100, n_control: 100, estimate: r.effects!.estimates[0]!.estimate }] };
  const c = r.repayment!.contracts[0]!;
  const lines: Table = { id: "repayment_lines", columns: [{ key: "basis", label: "b", kind: "text" }, { key: "amount", label: "a", kind: "kr" }], rows: c.lines.map((l) => ({ contract: c.name, basis: `personer = ${l.basis.persons ?? "<5"}; pris (kr.) = 40.000`, amount: l.amount ?? "<5" })) };
  return [effects, caseYearsTable(r.projection!.cases[0]!, "da", da), ledgerTable(r.repayment!, "da", da), lines, payerSplitTable(r.repayment!, "da", da), investorTable(r.repayment!, "da", da), riskTable(r.repayment!, "da", da)!];
}

const disclosed = (r: RunArtefacts) => new Map(discloseTables(tables(r), { lang: "da", minCell: 5, run: r, previous: null }).tables.map((t) => [t.id, t]));

describe("discloseTables on the business case and the investors' tables", () => {
  it("blanks every number of a case whose binary estimate rests on 3 events; keeps it at 30", () => {
    const hidden = disclosed(run(3, 20)).get("case_years_trial")!;
    // Blanked with the estimate's events: "<5" (the 3) or "x" (the control arm's 10, suppressed with them).
    for (const key of ["line_a", "savings", "cost", "net", "cumulative_society", "cumulative_payer"]) expect(hidden.rows[0]![key], key).toMatch(/^(<5|x)$/);
    expect(hidden.rows[0]!.year).toBe(1);
    expect(disclosed(run(30, 20)).get("case_years_trial")!.rows[0]).toMatchObject({ year: 1, line_a: 70, savings: 70, net: 20 });
  });

  it("blanks a risk row whose period's ledger line is suppressed, and shows it when the line is", () => {
    expect(disclosed(run(30, null)).get("repayment_risk")!.rows[0]).toMatchObject({ probability: "<5", mean: "<5", p05: "<5", p50: "<5", p95: "<5" });
    expect(disclosed(run(30, 20)).get("repayment_risk")!.rows[0]).toMatchObject({ probability: 0.95, p50: 120000 });
  });

  it("the payer split and the return follow the ledger's period totals, which the ledger publishes (forced)", () => {
    const d = disclosed(run(30, null));
    expect(d.get("repayment")!.rows[0]!.amount).toBe(120000);
    expect(d.get("repayment_payers")!.rows[0]!.total).toBe(120000);
    expect(typeof d.get("repayment_investor")!.rows[0]!.multiple).toBe("number");
  });
});
