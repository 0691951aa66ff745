/**
 * Contract files (the terms of a social effect investment, as data) and the ledger the
 * repay stage writes (`repayment.json`, `ledger.csv`). Prices not found in the source
 * documents carry `"illustrative": true`.
 */
import { Note } from "../shared/note.ts";
import { z } from "zod";
import { Label } from "../shared/label.ts";
import { parseDate } from "../ingest/parseValue.ts";

export const Amount = z.strictObject({
  value: z.number(),
  source: z.string().min(1),
  illustrative: z.boolean().default(false).describe("true when the number is not in the source documents"),
});
export type Amount = z.infer<typeof Amount>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as yyyy-mm-dd").refine((text) => parseDate(text, "iso") !== null, "a calendar date as yyyy-mm-dd");

/** A figure read from stage 4's projection.json: a case's saving for one sector over its horizon (`totals.<sector>`). */
export const ProjectionFigure = z.strictObject({
  projection: z.strictObject({
    case: z.string().describe("The case's name in projection.json"),
    scenario: z.string().default("base"),
    sector: z.enum(["kommune", "region", "stat", "society"]).describe("kommune: the isolated municipal saving"),
  }),
  source: z.string().min(1),
  illustrative: z.boolean().default(false),
});
export type ProjectionFigure = z.infer<typeof ProjectionFigure>;
/** An amount typed in, or one computed by stage 4. */
export const AmountOrProjection = z.union([Amount, ProjectionFigure]);
export type AmountOrProjection = z.infer<typeof AmountOrProjection>;

export const PAYER_BUDGETS = ["kommune_decentral", "kommune_central", "outcome_fund", "state"] as const;

const Condition = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("always") }),
  z.strictObject({ kind: z.literal("significant"), alpha: z.number().gt(0).lt(1).default(0.05) }),
  z.strictObject({ kind: z.literal("threshold"), minimumRelativeReduction: z.number().min(0).max(1).describe("e.g. 0.075: the treated use at least 7.5 % less than the control group (Peterborough)") }),
]);

export const DifferentialRule = z.strictObject({
  kind: z.literal("differential"),
  id: z.string(),
  label: Label,
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
  label: Label,
  prices: z
    .array(
      z.strictObject({
        outcome: z.string().describe("A 0/1 column of the outcome table, or a trigger id of the spec's triggers"),
        label: Label,
        price: Amount,
        minimum: Amount.optional().describe("A person counts when the outcome's value is at least this (e.g. IPS+: paid hours in the follow-up year); 1 when absent (a 0/1 outcome)"),
      }),
    )
    .min(1),
  perPersonCap: Amount.optional().describe("The most paid for one person over the contract"),
});

export const CappedUnitPriceRule = z.strictObject({
  kind: z.literal("capped_unit_price"),
  id: z.string(),
  label: Label,
  outcome: z.string().describe("A 0/1 column of the outcome table: persons (families) that count"),
  unitPrice: Amount,
  cap: AmountOrProjection.describe("The computed isolated municipal saving the payments may not exceed (over the contract): typed in, or read from projection.json"),
});

export const Rule = z.discriminatedUnion("kind", [DifferentialRule, RateCardRule, CappedUnitPriceRule]);
export type Rule = z.infer<typeof Rule>;

export const Contract = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    title: Label,
    source: z.string(),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    startYear: z.number().int().min(1900).max(2200).describe("The year the capital is paid in"),
    investors: z.array(z.strictObject({ id: z.string(), name: z.string(), capital: Amount })).min(1),
    payers: z.array(z.strictObject({ id: z.string(), name: z.string(), budget: z.enum(PAYER_BUDGETS), share: Amount })).min(1),
    schedule: z
      .array(
        z.strictObject({
          period: z.string(),
          label: Label.optional().describe("The period in words, {da, en} (\"opfølgningsår 1\"); without it the report shows the period id, which should then be words a reader knows (a year: \"2024\")"),
          paymentYear: z.number().int(),
          from: IsoDate.optional().describe("The day the period's follow-up starts (before it: not due); default the day after the previous period's due date, the contract's period.from for the first"),
          dueDate: z
            .strictObject({ value: IsoDate, source: z.string().min(1), illustrative: z.boolean().default(false) })
            .optional()
            .describe("The day the period's payment falls due; default 31 December of the payment year"),
        }),
      )
      .min(1)
      .describe("Follow-up periods in order and the year each is paid"),
    caps: z
      .strictObject({
        total: Amount.optional(),
        perPeriod: Amount.optional(),
        none: z.strictObject({ source: z.string().min(1) }).optional().describe("The contract has no cap, said plainly: where the source documents say so (or that they print none)"),
      })
      .default({}),
    investorReturn: z
      .strictObject({
        floor: Amount.optional().describe("The least the investors get back over the contract, as a multiple of capital (e.g. 0.5)"),
        ceiling: Amount.optional().describe("The most they get back, as a multiple of capital (e.g. 1.2 = capital plus 20 %)"),
      })
      .default({}),
    restatement: z
      .enum(["none", "true_up_next_period"])
      .default("none")
      .describe("When a later run computes a settled period differently: none = the difference is shown, never paid; true_up_next_period = it is added to (or taken from) the next unsettled period"),
    savingLimit: AmountOrProjection.optional().describe("Total repayment never exceeds this computed saving (e.g. the isolated municipal saving of a projected case); checked and reported"),
    outcomeTable: z.string().optional().describe("For rate cards without the pipeline: a typed-in person-level CSV (person_id, period, observed_on as yyyy-mm-dd, 0/1 outcome columns), relative to the contract; rows observed after the as-of date are not counted"),
    rules: z.array(Rule).min(1),
    published: z
      .array(z.strictObject({ id: z.string(), label: Label, published: z.number(), printed: z.string(), output: z.enum(["contractTotal", "totalRepaid", "capital"]).describe("contractTotal (totalRepaid is its old name): the ledger over every period, whatever its status"), tolerance: z.number().default(0.005) }))
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
    if (c.caps.none && (c.caps.total || c.caps.perPeriod)) ctx.addIssue({ code: "custom", path: ["caps", "none"], message: "a contract with a cap cannot also say it has none" });
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
    periods.forEach((p, i) => periods.indexOf(p) !== i && ctx.addIssue({ code: "custom", path: ["schedule", i, "period"], message: `period '${p}' is listed twice` }));
    c.schedule.forEach((s, i) => {
      if (s.from && s.dueDate && s.dueDate.value < s.from) ctx.addIssue({ code: "custom", path: ["schedule", i, "dueDate"], message: `the due date ${s.dueDate.value} is before the period starts (${s.from})` });
    });
    c.rules.forEach((rule, i) => {
      if (rule.kind === "differential") {
        rule.periods.forEach((p, j) => {
          if (!periods.includes(p.period)) ctx.addIssue({ code: "custom", path: ["rules", i, "periods", j, "period"], message: `period '${p.period}' is not in the schedule` });
        });
      }
      if (rule.kind === "rate_card") check(rule.perPersonCap, ["rules", i, "perPersonCap"], "the per-person cap");
      if (rule.kind === "capped_unit_price" && "value" in rule.cap) check(rule.cap, ["rules", i, "cap"], "the cap");
    });
  });
export type Contract = z.infer<typeof Contract>;

/**
 * Ledger lines that pay for no outcome: the per-person cap of a rate card, the cap at the computed saving, and the
 * true-up of restated periods. Their item is this code (words in src/report/words/); other items are an outcome id
 * or a rate card's label.
 */
export const LEDGER_ITEM_CODES = ["per_person_cap", "cap_computed_saving", "true_up"] as const;
export type LedgerItemCode = (typeof LEDGER_ITEM_CODES)[number];

/** The kinds of contract term a term marked illustrative can be (words in src/report/words/). */
export const TERM_KINDS = ["due_date", "payer_share", "price", "per_person_cap", "total_cap", "period_cap", "return_ceiling", "return_floor", "saving_limit", "cap", "other"] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** A number of a contract that is not in its source documents: where it is, what kind of term, its value and why. */
export const IllustrativeTerm = z.object({ path: z.string(), term: z.enum(TERM_KINDS), value: z.union([z.number(), z.string()]), source: z.string() });
export type IllustrativeTerm = z.infer<typeof IllustrativeTerm>;

/** How a repayment risk was simulated: differential rules draw the effect, rate cards and unit prices resample persons. */
export const RISK_METHODS = ["differential_normal", "bootstrap_persons"] as const;
export type RiskMethod = (typeof RISK_METHODS)[number];

export const LedgerLine = z.object({
  period: z.string(),
  paymentYear: z.number().int(),
  rule: z.string(),
  item: Label.describe("What this line pays for: the outcome id of a difference, a rate card's label, or a LEDGER_ITEM_CODES code"),
  basis: z.record(z.string(), z.number().nullable()).describe("The aggregate figures the amount rests on (counts, means, prices); null where suppressed"),
  formula: z.string(),
  amount: z.number().nullable().describe("Before contract-level caps; null where suppressed (fewer than 5 persons)"),
  suppressed: z.boolean(),
  illustrative: z.boolean().default(false).describe("The line's terms (price, cap) are not in the source documents"),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

export const PERIOD_STATUSES = ["settled", "due", "provisional", "not_due"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const Restatement = z.object({
  amount: z.number().describe("computed − settled: what new data would change"),
  settled: z.number().describe("The settled amount less any true-up of earlier periods it included"),
  computed: z.number().nullable().describe("What this run computes for the period"),
  policy: z.enum(["none", "true_up_next_period"]),
  note: z.string(),
});

export const PeriodSummary = z.object({
  period: z.string(),
  label: Label.optional().describe("The period in words: the schedule's label, else its id (absent in artefacts written before it)"),
  paymentYear: z.number().int(),
  from: z.string().describe("The day the period's follow-up starts"),
  dueDate: z.string().describe("The day its payment falls due"),
  status: z.enum(PERIOD_STATUSES).describe("At the run's as-of date: settled (recorded as paid), due (complete, not yet settled), provisional (under way: computed on the data so far), not_due (not started, or no persons yet)"),
  statusNote: z.string(),
  persons: z.number().int().nullable().describe("Persons the period's amount rests on (null: not measured by person)"),
  beforeCaps: z.number(),
  trueUp: z.number().describe("Restatements of earlier settled periods added to this one (contract restatement: true_up_next_period)"),
  capsApplied: z.array(Note),
  computedAmount: z.number().nullable().describe("What this run computes for the period, after caps; null when it has no persons yet"),
  settledAmount: z.number().nullable(),
  settlementDate: z.string().nullable(),
  settledFromRun: z.object({ manifestSha256: z.string(), asOf: z.string() }).nullable().describe("The run the settled amount came from"),
  restatement: Restatement.nullable().describe("Set when a settled period would be computed differently now"),
  amount: z.number().describe("The period's amount in the ledger: the settled amount when settled, else the computed amount (0 when none)"),
  byPayer: z.record(z.string(), z.number()),
  cumulativeAmount: z.number(),
  remainingCapital: z.number(),
  illustrative: z.boolean().describe("The amount rests on terms that are not in the source documents"),
  dueDateIllustrative: z.boolean().describe("The due date (and so the status) is not in the source documents"),
  typedIn: z.boolean().default(false).describe("The amount rests on a typed-in outcome table (the contract's outcomeTable), not on outcomes measured from the registers"),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export const RepaymentRisk = z.object({
  rule: z.string(),
  period: z.string(),
  simulations: z.number().int(),
  seed: z.number().int(),
  probabilityTriggered: z.number(),
  amount: z.object({ mean: z.number(), p05: z.number(), p50: z.number(), p95: z.number() }),
  method: z.enum(RISK_METHODS).describe("differential_normal: θ ~ N(estimate, SE²), observed ~ N(θ, SE²), the ledger's rule applied to each draw; bootstrap_persons: the period's persons resampled, per-person caps within the period"),
});
export type RepaymentRisk = z.infer<typeof RepaymentRisk>;

/**
 * The investors' internal rate of return (src/stats/datedInternalRateOfReturn.ts: XIRR, actual/365) from the dated
 * ledger (investorFlows): the capital out on the first period's start, each amount in on its settlement date when
 * settled, else its due date. The rate, or why there is none.
 */
export const InvestorRate = z.union([
  z.object({ rate: z.number(), reason: z.null() }),
  z.object({
    rate: z.null(),
    reason: z
      .enum(["no_outflow", "no_inflow", "no_rate_in_range", "several_rates", "nothing_settled"])
      .describe("no capital paid in; nothing repaid; no rate in −99.99 % … 10,000 % breaks even; several rates do; no period settled yet"),
  }),
]);
export type InvestorRate = z.infer<typeof InvestorRate>;

export const ContractResult = z.object({
  name: z.string(),
  title: Label,
  source: z.string(),
  capital: z.number(),
  fileSha256: z.string().nullable().default(null).describe("The contract file's SHA-256: with the name, what identifies the contract across runs"),
  startYear: z.number().int().nullable().default(null).describe("The year the capital is paid in"),
  capitalIllustrative: z.boolean().default(false).describe("Some investor's capital is not in the source documents"),
  splitIllustrative: z.boolean().default(false).describe("The payers' shares (and so the decentral part) are not in the source documents"),
  restsOnOutcomeTable: z.boolean().default(false).describe("The contract pays on a typed-in outcome table, not on measured outcomes"),
  noCap: z.string().nullable().default(null).describe("The contract states it has no cap: why (caps.none)"),
  illustrative: z.array(IllustrativeTerm).describe("Numbers in the contract that are not in the source documents"),
  restsOnIllustrativeTerms: z.boolean().describe("Some figure of the ledger rests on an illustrative term: an amount, the payer split or a due date"),
  typedIn: z
    .object({
      table: z.string().describe("The contract's outcomeTable"),
      rowsCounted: z.number().int().describe("Rows observed on or before the as-of date: the only ones counted"),
      rowsAfterAsOf: z.number().int().describe("Rows observed after the as-of date: not counted"),
      observedUpTo: z.string().nullable().describe("The latest observation date counted: the data the ledger is computed on; null when no row is observed yet"),
    })
    .nullable()
    .default(null)
    .describe("Set when the ledger rests on a typed-in outcome table rather than on outcomes measured from the registers"),
  asOf: z.string(),
  lines: z.array(LedgerLine),
  periods: z.array(PeriodSummary),
  repaidToDate: z.number().describe("Settled periods only (settled by the as-of date)"),
  dueToDate: z.number().describe("Periods fallen due by the as-of date and not yet settled"),
  provisional: z.number().describe("Periods under way at the as-of date, computed on the data so far"),
  contractTotal: z.number().describe("The ledger over every period, whatever its status: a forecast on the data so far, never 'repaid'"),
  restatementOutstanding: z.number().describe("Restatements not yet trued up in a later period"),
  savingLimit: z
    .object({ rule: z.string(), limit: z.number(), source: z.string(), beforeLimit: z.number(), total: z.number(), holds: z.boolean(), bit: z.boolean() })
    .nullable()
    .describe("The contract-level rule: total repayment never exceeds the computed saving"),
  byPayer: z.record(z.string(), z.number()),
  investorReturn: z.object({
    total: z.number(),
    multiple: z.number(),
    irr: InvestorRate.describe("Over the whole contract: a forecast for periods not yet settled"),
    irrToDate: InvestorRate.describe("Settled by the as-of date only; reason nothing_settled while no period is settled"),
    floorTopUp: z.number(),
    note: z.string(),
  }),
  risk: z.array(RepaymentRisk),
  published: z.array(z.object({ id: z.string(), label: Label, printed: z.string(), published: z.number(), computed: z.number(), verdict: z.enum(["reproduced", "differs"]) })),
});
export type ContractResult = z.infer<typeof ContractResult>;

/** What the repay stage writes: repayment.json. */
export const RepaymentArtefact = z.object({
  artefact: z.literal("repayment"),
  schema_version: z.literal(3).describe("3: investorReturn.irr is the dated IRR (XIRR) the report shows, with irrToDate, each a rate or a reason; 2: periods have a status as of the run's date, settled amounts and restatements; totalRepaid became contractTotal"),
  evaluation: z.string(),
  contracts: z.array(ContractResult),
  portfolio: z.unknown().nullable(),
});
export type RepaymentArtefact = z.infer<typeof RepaymentArtefact>;
