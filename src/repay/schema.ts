/**
 * Contract files (the terms of a social effect investment, as data) and the ledger the
 * repay stage writes (`repayment.json`, `ledger.csv`). Prices not found in the source
 * documents carry `"illustrative": true`.
 */
import { z } from "zod";

export const Amount = z.strictObject({
  value: z.number(),
  source: z.string().min(1),
  illustrative: z.boolean().default(false).describe("true when the number is not in the source documents"),
});
export type Amount = z.infer<typeof Amount>;

export const PAYER_BUDGETS = ["kommune_decentral", "kommune_central", "outcome_fund", "state"] as const;

const Condition = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("always") }),
  z.strictObject({ kind: z.literal("significant"), alpha: z.number().gt(0).lt(1).default(0.05) }),
  z.strictObject({ kind: z.literal("threshold"), minimumRelativeReduction: z.number().min(0).max(1).describe("e.g. 0.075: the treated use at least 7.5 % less than the control group (Peterborough)") }),
]);

export const DifferentialRule = z.strictObject({
  kind: z.literal("differential"),
  id: z.string(),
  label: z.string(),
  pricePerUnit: Amount.describe("Turns the outcome's unit (e.g. days on public support) into kroner"),
  unit: z.string(),
  periods: z.array(z.strictObject({ period: z.string(), outcome: z.string().describe("An outcome id in effects.json measured over this follow-up period") })).min(1),
  estimator: z.string().default("difference_in_means"),
  condition: Condition.default({ kind: "always" }),
  basis: z.enum(["point", "lower_bound"]).default("point").describe("point: the estimated difference; lower_bound: the confidence bound nearest zero"),
});

export const RateCardRule = z.strictObject({
  kind: z.literal("rate_card"),
  id: z.string(),
  label: z.string(),
  prices: z.array(z.strictObject({ outcome: z.string().describe("A 0/1 column of the outcome table"), label: z.string(), price: Amount })).min(1),
  perPersonCap: Amount.optional().describe("The most paid for one person over the contract"),
});

export const CappedUnitPriceRule = z.strictObject({
  kind: z.literal("capped_unit_price"),
  id: z.string(),
  label: z.string(),
  outcome: z.string().describe("A 0/1 column of the outcome table: persons (families) that count"),
  unitPrice: Amount,
  cap: Amount.describe("The computed isolated municipal saving the payments may not exceed (over the contract)"),
});

export const Rule = z.discriminatedUnion("kind", [DifferentialRule, RateCardRule, CappedUnitPriceRule]);
export type Rule = z.infer<typeof Rule>;

export const Contract = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    title: z.string(),
    source: z.string(),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    startYear: z.number().int().min(1900).max(2200).describe("The year the capital is paid in (time 0 for the IRR)"),
    investors: z.array(z.strictObject({ id: z.string(), name: z.string(), capital: Amount })).min(1),
    payers: z.array(z.strictObject({ id: z.string(), name: z.string(), budget: z.enum(PAYER_BUDGETS), share: Amount })).min(1),
    schedule: z
      .array(z.strictObject({ period: z.string(), paymentYear: z.number().int() }))
      .min(1)
      .describe("Follow-up periods in order and the year each is paid"),
    caps: z
      .strictObject({ total: Amount.optional(), perPeriod: Amount.optional() })
      .default({}),
    investorReturn: z
      .strictObject({
        floor: Amount.optional().describe("The least the investors get back over the contract, as a multiple of capital (e.g. 0.5)"),
        ceiling: Amount.optional().describe("The most they get back, as a multiple of capital (e.g. 1.2 = capital plus 20 %)"),
      })
      .default({}),
    outcomeTable: z.string().optional().describe("For rate cards without the pipeline: a person-level CSV (person_id, period, 0/1 outcome columns), relative to the contract"),
    rules: z.array(Rule).min(1),
    published: z
      .array(z.strictObject({ id: z.string(), label: z.string(), published: z.number(), printed: z.string(), output: z.enum(["totalRepaid", "capital"]), tolerance: z.number().default(0.005) }))
      .default([]),
  })
  .superRefine((c, ctx) => {
    const shareSum = c.payers.reduce((sum, p) => sum + p.share.value, 0);
    if (Math.abs(shareSum - 1) > 1e-9) ctx.addIssue({ code: "custom", path: ["payers"], message: `payer shares sum to ${shareSum}, not 1` });
    c.payers.forEach((p, i) => p.share.value < 0 && ctx.addIssue({ code: "custom", path: ["payers", i, "share"], message: "a payer share is negative" }));
    const check = (amount: { value: number } | undefined, path: (string | number)[], what: string) => {
      if (amount && amount.value < 0) ctx.addIssue({ code: "custom", path, message: `${what} is negative` });
    };
    check(c.caps.total, ["caps", "total"], "the total cap");
    check(c.caps.perPeriod, ["caps", "perPeriod"], "the per-period cap");
    check(c.investorReturn.floor, ["investorReturn", "floor"], "the return floor");
    check(c.investorReturn.ceiling, ["investorReturn", "ceiling"], "the return ceiling");
    c.investors.forEach((inv, i) => check(inv.capital, ["investors", i, "capital"], "capital"));
    if (c.investorReturn.floor && c.investorReturn.ceiling && c.investorReturn.floor.value > c.investorReturn.ceiling.value) {
      ctx.addIssue({ code: "custom", path: ["investorReturn"], message: "the floor is above the ceiling" });
    }
    c.schedule.forEach((s, i) => {
      if (s.paymentYear < c.startYear || s.paymentYear > c.startYear + 100) {
        ctx.addIssue({ code: "custom", path: ["schedule", i, "paymentYear"], message: `payment year ${s.paymentYear} is not within 100 years after the start year ${c.startYear}` });
      }
    });
    const periods = c.schedule.map((s) => s.period);
    c.rules.forEach((rule, i) => {
      if (rule.kind === "differential") {
        rule.periods.forEach((p, j) => {
          if (!periods.includes(p.period)) ctx.addIssue({ code: "custom", path: ["rules", i, "periods", j, "period"], message: `period '${p.period}' is not in the schedule` });
        });
      }
      if (rule.kind === "rate_card") check(rule.perPersonCap, ["rules", i, "perPersonCap"], "the per-person cap");
      if (rule.kind === "capped_unit_price") check(rule.cap, ["rules", i, "cap"], "the cap");
    });
  });
export type Contract = z.infer<typeof Contract>;

export const LedgerLine = z.object({
  period: z.string(),
  paymentYear: z.number().int(),
  rule: z.string(),
  item: z.string().describe("What this line pays for: the difference, or one outcome of a rate card"),
  basis: z.record(z.string(), z.number().nullable()).describe("The aggregate figures the amount rests on (counts, means, prices); null where suppressed"),
  formula: z.string(),
  amount: z.number().nullable().describe("Before contract-level caps; null where suppressed (fewer than 5 persons)"),
  suppressed: z.boolean(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

export const PeriodSummary = z.object({
  period: z.string(),
  paymentYear: z.number().int(),
  beforeCaps: z.number(),
  capsApplied: z.array(z.string()),
  paid: z.number(),
  byPayer: z.record(z.string(), z.number()),
  cumulativePaid: z.number(),
  remainingCapital: z.number(),
});

export const RepaymentRisk = z.object({
  rule: z.string(),
  period: z.string(),
  simulations: z.number().int(),
  seed: z.number().int(),
  probabilityTriggered: z.number(),
  amount: z.object({ mean: z.number(), p05: z.number(), p50: z.number(), p95: z.number() }),
  method: z.string(),
});
export type RepaymentRisk = z.infer<typeof RepaymentRisk>;

export const ContractResult = z.object({
  name: z.string(),
  title: z.string(),
  source: z.string(),
  capital: z.number(),
  illustrative: z.array(z.string()).describe("Numbers in the contract that are not in the source documents"),
  lines: z.array(LedgerLine),
  periods: z.array(PeriodSummary),
  totalRepaid: z.number(),
  byPayer: z.record(z.string(), z.number()),
  investorReturn: z.object({ total: z.number(), multiple: z.number(), irr: z.number().nullable(), floorTopUp: z.number(), note: z.string() }),
  risk: z.array(RepaymentRisk),
  published: z.array(z.object({ id: z.string(), label: z.string(), printed: z.string(), published: z.number(), computed: z.number(), verdict: z.enum(["reproduced", "differs"]) })),
});
export type ContractResult = z.infer<typeof ContractResult>;

/** What the repay stage writes: repayment.json. */
export const RepaymentArtefact = z.object({
  artefact: z.literal("repayment"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  contracts: z.array(ContractResult),
  portfolio: z.unknown().nullable(),
});
export type RepaymentArtefact = z.infer<typeof RepaymentArtefact>;
