/** The investors' view of a small contract worked by hand: payer split, multiple, dated IRR (R), risk and illustrative terms. */
import { describe, expect, it } from "vitest";
import { texts } from "../../src/report/i18n.ts";
import { illustrativeTable, investorTable, payerSplitTable, riskTable } from "../../src/report/repaymentTables.ts";
import type { RepaymentArtefact } from "../../src/repay/index.ts";
import type { ContractResult, PeriodSummary } from "../../src/repay/schema.ts";

const da = texts("da");

const period = (p: Partial<PeriodSummary> & Pick<PeriodSummary, "period" | "from" | "dueDate" | "status" | "amount">): PeriodSummary => ({
  paymentYear: Number(p.dueDate.slice(0, 4)),
  statusNote: "",
  persons: 20,
  beforeCaps: p.amount,
  trueUp: 0,
  capsApplied: [],
  computedAmount: p.amount,
  settledAmount: null,
  settlementDate: null,
  settledFromRun: null,
  restatement: null,
  byPayer: { kommune_decentral: 0.3 * p.amount, outcome_fund: 0.7 * p.amount },
  cumulativeAmount: 0,
  remainingCapital: 0,
  illustrative: false,
  dueDateIllustrative: false,
  typedIn: false,
  ...p,
});

/** Capital 1000 paid in on 2021-01-01; 300 due 2021-12-31; 500 settled on 2023-03-15; 400 provisional, due 2023-12-31. Kommune 30 %, fund 70 %. */
const contract = {
  name: "small",
  title: { da: "Lille kontrakt", en: "Small contract" },
  source: "",
  capital: 1000,
  illustrative: [
    { path: "payers[kommune].share", term: "payer_share", value: 0.3, source: "assumption" },
    { path: "rules[r].prices[0].price", term: "price", value: 25000, source: "price not in 002" },
    { path: "schedule[0].dueDate", term: "due_date", value: "2021-12-31", source: "illustrative" },
    { path: "investorReturn.ceiling", term: "return_ceiling", value: 1.2, source: "assumption" },
  ],
  restsOnIllustrativeTerms: true,
  asOf: "2023-06-30",
  lines: [],
  periods: [
    period({ period: "2021", from: "2021-01-01", dueDate: "2021-12-31", status: "due", amount: 300 }),
    period({ period: "2022", from: "2022-01-01", dueDate: "2022-12-31", status: "settled", amount: 500, settledAmount: 500, settlementDate: "2023-03-15" }),
    period({ period: "2023", from: "2023-01-01", dueDate: "2023-12-31", status: "provisional", amount: 400 }),
  ],
  repaidToDate: 500,
  dueToDate: 300,
  provisional: 400,
  contractTotal: 1200,
  restatementOutstanding: 0,
  savingLimit: null,
  byPayer: { kommune_decentral: 360, outcome_fund: 840 },
  // As the repay stage records them (tests/repay/repayContract.test.ts): R uniroot → 0.0889118343195; to date 0.5^(365/803) − 1.
  investorReturn: { total: 200, multiple: 1.2, irr: { rate: 0.0889118343195, reason: null }, irrToDate: { rate: 0.5 ** (365 / 803) - 1, reason: null }, floorTopUp: 0, note: "" },
  risk: [{ rule: "r", period: "2023", simulations: 10000, seed: 7, probabilityTriggered: 0.83, amount: { mean: 390, p05: 0, p50: 400, p95: 700 }, method: "bootstrap_persons" }],
  published: [],
} as unknown as ContractResult;
const repayment = { artefact: "repayment", schema_version: 3, evaluation: "x", contracts: [contract], portfolio: null } as RepaymentArtefact;

describe("investorTable(repayment, texts)", () => {
  it("multiple = repaid ÷ capital; the IRRs as repayment.json records them (R: uniroot → 0.0889118343195)", () => {
    // R: t <- as.numeric(as.Date(d) - as.Date(d[1])) / 365; uniroot(function(r) sum(c / (1 + r)^t), c(-0.99, 10), tol = 1e-14)
    //    with d = 2021-01-01, 2021-12-31, 2023-03-15, 2023-12-31 and c = -1000, 300, 500, 400.
    const row = investorTable(repayment, "da", da).rows[0]!;
    expect(row.multiple).toBeCloseTo(1.2, 12);
    expect(row.multiple_to_date).toBeCloseTo(0.5, 12);
    expect(row.irr as number).toBeCloseTo(0.0889118343195, 9);
    // To date: 1000 out, 500 back 803 days later: 0,5^(365/803) − 1.
    expect(row.irr_to_date as number).toBeCloseTo(0.5 ** (365 / 803) - 1, 9);
  });

  it("says in words why an IRR cannot be computed", () => {
    const none = { ...repayment, contracts: [{ ...contract, investorReturn: { ...contract.investorReturn, irr: { rate: null, reason: "no_inflow" as const }, irrToDate: { rate: null, reason: "nothing_settled" as const } } }] };
    const row = investorTable(none, "da", da).rows[0]!;
    expect(row.irr).toBe("kan ikke beregnes: intet er tilbagebetalt, så investorerne taber hele kapitalen");
    expect(row.irr_to_date).toBe("kan endnu ikke beregnes: ingen periode er afregnet");
  });
});

describe("payerSplitTable(repayment, texts)", () => {
  it("splits each status by the contract's shares: 30 % of 500 settled, 300 due, 400 provisional", () => {
    const rows = payerSplitTable(repayment, "da", da).rows;
    expect(rows.map((r) => [r.payer, r.share, r.settled, r.due, r.provisional, r.not_due, r.total])).toEqual([
      ["kommunens decentrale budget", 0.3, 150, 90, 120, 0, 360],
      ["resultatfond", 0.7, 350, 210, 280, 0, 840],
    ]);
  });
});

describe("riskTable and illustrativeTable", () => {
  it("risk: probability and quantiles per period, the method in words", () => {
    expect(riskTable(repayment, "da", da)!.rows[0]).toMatchObject({ probability: 0.83, p05: 0, p50: 400, p95: 700, method: "bootstrap af periodens personer", period_id: "2023" });
  });

  it("illustrative terms by what they are, with their value", () => {
    expect(illustrativeTable(repayment, "da", da)!.rows.map((r) => [r.term, r.value])).toEqual([
      ["en betalers andel", "30 %"],
      ["pris", "25.000 kr."],
      ["forfaldsdato", "2021-12-31"],
      ["loft over afkastet (gange kapitalen)", "1,20"],
    ]);
  });
});
