/**
 * One contract as of a date, from its terms, the evaluation's results and the settlement
 * file. Per follow-up period, in order:
 *
 *   1. ledger lines per rule (rules/<kind>.ts), and the persons they rest on;
 *   2. with restatement true_up_next_period, the restatements of earlier settled periods;
 *   3. the contract's caps in order — per period, the total cap, the ceiling on the
 *      investors' return, the computed saving — and, in the last period, the floor;
 *   4. the status at the as-of date (periodStatus) and, for a settled period, the settled
 *      amount, which stands: a different computed amount is shown as a restatement;
 *   5. the split between payers, the cumulative ledger and the investors' return (dated IRR, to date and
 *      over the whole contract: the one the report shows).
 *
 * Only settled periods are repaid (`repaidToDate`); due and provisional amounts are
 * totalled apart, and `contractTotal` (every period) is a forecast on the data so far.
 * A typed-in outcome table (the contract's outcomeTable) counts only its rows observed on
 * or before the as-of date (observedBy); every period of such a contract is marked typed in.
 */
import { note, type Note } from "../shared/note.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import { datedInternalRateOfReturn } from "../stats/datedInternalRateOfReturn.ts";
import { investorFlows } from "./investorFlows.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { observedBy } from "./observedBy.ts";
import { periodDates } from "./periodDates.ts";
import { periodStatus } from "./periodStatus.ts";
import { resolveProjectionFigures } from "./projectionFigures.ts";
import { repaymentRisk } from "./repaymentRisk.ts";
import { toOre } from "./ruleAmounts.ts";
import { newRuleState, ruleDefinition, type RuleState } from "./rules/index.ts";
import type { Contract, ContractResult, IllustrativeTerm, LedgerLine, PeriodSummary, TermKind } from "./schema.ts";
import type { Settlement } from "./settlements.ts";

export interface RepayContractInput {
  /** yyyy-mm-dd */
  readonly asOf: string;
  readonly effects: EffectsArtefact | null;
  readonly outcomeRows: readonly OutcomeRow[] | null;
  readonly projection?: ProjectionArtefact | null;
  /** This contract's entries of the settlement file. */
  readonly settlements?: readonly Settlement[];
  readonly seed?: number;
}

/** Differences below half an øre are rounding, not restatements. */
const HALF_ORE = 0.005;

/** The running totals the periods carry from one to the next. */
interface Running {
  /** Σ amount of the periods so far. */
  cumulative: number;
  /** Restated amounts not yet trued up (computed − settled), and the periods they come from. */
  outstanding: number;
  outstandingFrom: string[];
  /** Σ amount before the saving limit. */
  beforeSavingLimit: number;
  savingLimitBit: boolean;
  floorTopUp: number;
}

/** The contract's limits in kroner: total cap, return ceiling, saving limit and return floor. */
interface Limits {
  readonly totalCap: number;
  readonly ceiling: number;
  readonly savingLimit: { readonly value: number; readonly illustrative: boolean; readonly source: string } | null;
  readonly floor: number;
}

type Resolved = ReturnType<typeof resolveProjectionFigures>;

export function repayContract(terms: Contract, input: RepayContractInput): ContractResult {
  const { asOf } = input;
  // A typed-in table as known on the as-of date: a row observed later is not counted anywhere.
  const observed = input.outcomeRows === null ? null : observedBy(input.outcomeRows, asOf);
  const outcomeRows = observed?.rows ?? null;
  const typedIn = terms.outcomeTable !== undefined && observed !== null ? { table: terms.outcomeTable, rowsCounted: observed.rows.length, rowsAfterAsOf: observed.later, observedUpTo: observed.observedUpTo } : null;
  const contract = resolveProjectionFigures(terms, input.projection ?? null);
  const capital = contract.investors.reduce((sum, i) => sum + i.capital.value, 0);
  const limits: Limits = {
    totalCap: contract.caps.total?.value ?? Infinity,
    ceiling: contract.investorReturn.ceiling ? contract.investorReturn.ceiling.value * capital : Infinity,
    savingLimit: contract.savingLimit && "value" in contract.savingLimit ? contract.savingLimit : null,
    floor: contract.investorReturn.floor ? contract.investorReturn.floor.value * capital : 0,
  };
  const settledBy = new Map((input.settlements ?? []).filter((s) => s.settlementDate <= asOf).map((s) => [s.period, s]));
  const settledLater = new Map((input.settlements ?? []).filter((s) => s.settlementDate > asOf).map((s) => [s.period, s]));
  const ruleLines = ruleLinesOf(contract, input.effects, outcomeRows);
  const dates = periodDates(contract);
  const lines: LedgerLine[] = [];
  const periods: PeriodSummary[] = [];
  const running: Running = { cumulative: 0, outstanding: 0, outstandingFrom: [], beforeSavingLimit: 0, savingLimitBit: false, floorTopUp: 0 };

  dates.forEach((dated, index) => {
    const { period, paymentYear } = dated;
    // 1. Ledger lines per rule.
    const ruled = ruleLines(period, paymentYear);
    lines.push(...ruled.lines);
    const settlement = settledBy.get(period) ?? null;
    // 2. The true-up of earlier restated periods.
    let trueUp = 0;
    if (!settlement && contract.restatement === "true_up_next_period" && Math.abs(running.outstanding) >= HALF_ORE) {
      trueUp = toOre(running.outstanding);
      lines.push({ period, paymentYear, rule: "restatement", item: "true_up", basis: { restated: trueUp }, formula: "Σ (computed − settled) of the earlier settled periods, less what earlier true-ups paid", amount: trueUp, suppressed: false, illustrative: false });
      running.outstanding = 0;
      running.outstandingFrom = [];
    }
    // 3. The caps, and the floor in the last period.
    const capped = applyCaps(contract, limits, running, { period, beforeCaps: ruled.beforeCaps, trueUp, last: index === dates.length - 1 });
    // 4. Status, and a settled amount that stands.
    const computedAmount = ruled.persons === 0 ? null : toOre(capped.computed);
    const { status, note } = periodStatus({ asOf, from: dated.from, dueDate: dated.dueDate, persons: ruled.persons, settled: settlement !== null, typedIn: typedIn ? { observedUpTo: typedIn.observedUpTo } : null });
    const restatement = settlement ? restate(contract, running, period, settlement, computedAmount) : null;
    const amount = settlement ? settlement.amount : (computedAmount ?? 0);
    running.cumulative += amount;
    const later = settledLater.get(period);
    periods.push({
      period,
      label: dated.label,
      paymentYear,
      from: dated.from,
      dueDate: dated.dueDate,
      status,
      statusNote: restatement ? `${note}; ${restatement.note}` : later ? `${note} (settled on ${later.settlementDate}, after the as-of date: not counted here)` : note,
      persons: ruled.persons,
      beforeCaps: ruled.beforeCaps,
      trueUp,
      capsApplied: capped.capsApplied,
      computedAmount,
      settledAmount: settlement?.amount ?? null,
      settlementDate: settlement?.settlementDate ?? null,
      settledFromRun: settlement ? { manifestSha256: settlement.run.manifestSha256, asOf: settlement.run.asOf } : null,
      restatement,
      amount,
      byPayer: {},
      cumulativeAmount: running.cumulative,
      remainingCapital: Math.max(0, capital - running.cumulative),
      illustrative: ruled.illustrative || capped.illustrative,
      dueDateIllustrative: dated.dueDateIllustrative,
      typedIn: typedIn !== null,
    });
  });
  // 5. The payers' split, the cumulative ledger and the investors' return.
  return contractResult(contract, input, { capital, limits, typedIn, outcomeRows, lines, periods, running, byPayer: splitByPayer(contract, periods) });
}

/** Per period, every rule's ledger lines, their sum before caps, the persons they rest on and whether any is illustrative. */
function ruleLinesOf(contract: Resolved, effects: EffectsArtefact | null, outcomeRows: readonly OutcomeRow[] | null) {
  const states = new Map<string, RuleState>(contract.rules.map((r) => [r.id, newRuleState()]));
  const ruleIllustrative = new Map(contract.rules.map((r) => [r.id, collectIllustrative(r).length > 0]));
  return (period: string, paymentYear: number): { lines: LedgerLine[]; beforeCaps: number; persons: number | null; illustrative: boolean } => {
    const context = (ruleId: string) => ({ effects, rows: (outcomeRows ?? []).filter((r) => r.period === period), confidence: effects?.confidence ?? 0.95, illustrative: ruleIllustrative.get(ruleId) ?? false });
    const lines: LedgerLine[] = [];
    let beforeCaps = 0;
    let persons: number | null = null;
    let illustrative = false;
    for (const rule of contract.rules) {
      const definition = ruleDefinition(rule);
      const ctx = context(rule.id);
      const counted = definition.persons(rule, period, ctx);
      if (counted !== null) persons = Math.max(persons ?? 0, counted);
      for (const { amountUnsuppressed, ...line } of definition.lines(rule, period, ctx, states.get(rule.id)!)) {
        beforeCaps += amountUnsuppressed;
        illustrative ||= line.illustrative;
        lines.push({ period, paymentYear, ...line });
      }
    }
    return { lines, beforeCaps, persons, illustrative };
  };
}

/** The contract's caps in order — per period, total, return ceiling, computed saving — and, in the last period, the floor. */
function applyCaps(contract: Resolved, limits: Limits, running: Running, at: { period: string; beforeCaps: number; trueUp: number; last: boolean }): { computed: number; capsApplied: Note[]; illustrative: boolean } {
  const capsApplied: Note[] = [];
  let illustrative = false;
  let computed = Math.max(0, at.beforeCaps + at.trueUp);
  if (at.trueUp < 0 && at.beforeCaps + at.trueUp < 0) {
    // An over-payment larger than this period's amount is carried on to the next one.
    running.outstanding = Math.min(0, Math.max(0, at.beforeCaps) + at.trueUp);
    running.outstandingFrom = [`carried from ${at.period}`];
  }
  const limit = (value: number, name: Note, isIllustrative: boolean) => {
    if (!(computed > value)) return false;
    computed = Math.max(0, value);
    capsApplied.push(name);
    illustrative ||= isIllustrative;
    return true;
  };
  const { cumulative } = running;
  if (contract.caps.perPeriod) limit(contract.caps.perPeriod.value, note("cap_per_period", { kr: contract.caps.perPeriod.value }), contract.caps.perPeriod.illustrative);
  limit(limits.totalCap - cumulative, note("cap_total", { kr: limits.totalCap }), contract.caps.total?.illustrative ?? false);
  limit(limits.ceiling - cumulative, note("cap_return_ceiling", { multiple: contract.investorReturn.ceiling?.value ?? Infinity }), contract.investorReturn.ceiling?.illustrative ?? false);
  running.beforeSavingLimit += computed;
  const savingLimit = limits.savingLimit;
  if (savingLimit && limit(savingLimit.value - cumulative, note("cap_saving_limit", { kr: savingLimit.value }), savingLimit.illustrative)) running.savingLimitBit = true;
  if (at.last && cumulative + computed < limits.floor) {
    running.floorTopUp = limits.floor - (cumulative + computed);
    computed += running.floorTopUp;
    capsApplied.push(note("floor_return", { multiple: contract.investorReturn.floor!.value, topUpKr: running.floorTopUp }));
    illustrative ||= contract.investorReturn.floor!.illustrative;
  }
  return { computed, capsApplied, illustrative };
}

/** A settled period whose computed amount now differs: the restatement, and what it leaves outstanding for a true-up. */
function restate(contract: Resolved, running: Running, period: string, settlement: Settlement, computedAmount: number | null): PeriodSummary["restatement"] {
  let restatement: PeriodSummary["restatement"] = null;
  const settledOwn = settlement.amount - settlement.trueUp;
  const difference = toOre((computedAmount ?? 0) - settledOwn);
  if (Math.abs(difference) >= HALF_ORE) {
    const policy = contract.restatement;
    restatement = {
      amount: difference,
      settled: settledOwn,
      computed: computedAmount,
      policy,
      note:
        `restated: settled ${settledOwn} on ${settlement.settlementDate} (run as of ${settlement.run.asOf}); computed now ${computedAmount ?? "nothing (no persons)"}; difference ${difference}` +
        (policy === "none" ? " — not paid (contract restatement: none)" : " — trued up in the next unsettled period"),
    };
    if (policy === "true_up_next_period") running.outstandingFrom.push(period);
  }
  // What is still owed for this period: its computed amount less what was settled, true-ups included
  // (a true-up it paid already covered part of an earlier restatement).
  if (contract.restatement === "true_up_next_period") running.outstanding += (computedAmount ?? 0) - settlement.amount;
  return restatement;
}

/** Each period's amount split between the payers by their shares (written into the periods), and the totals per payer. */
function splitByPayer(contract: Resolved, periods: PeriodSummary[]): Record<string, number> {
  const byPayer: Record<string, number> = Object.fromEntries(contract.payers.map((p) => [p.budget, 0]));
  for (const period of periods) {
    for (const payer of contract.payers) {
      const share = period.amount * payer.share.value;
      period.byPayer[payer.budget] = (period.byPayer[payer.budget] ?? 0) + share;
      byPayer[payer.budget]! += share;
    }
  }
  return byPayer;
}

interface Ledger {
  readonly capital: number;
  readonly limits: Limits;
  readonly typedIn: ContractResult["typedIn"];
  readonly outcomeRows: readonly OutcomeRow[] | null;
  readonly lines: LedgerLine[];
  readonly periods: PeriodSummary[];
  readonly running: Running;
  readonly byPayer: Record<string, number>;
}

/** The contract's result: totals by status, the saving limit, the investors' return (dated IRR), the risk and the published figures. */
function contractResult(contract: Resolved, input: RepayContractInput, ledger: Ledger): ContractResult {
  const { capital, periods, running } = ledger;
  const cumulative = running.cumulative;
  const savingLimit = ledger.limits.savingLimit;
  const irr = datedInternalRateOfReturn(investorFlows(capital, periods, false));
  const irrToDate = periods.some((p) => p.status === "settled") ? datedInternalRateOfReturn(investorFlows(capital, periods, true)) : ({ rate: null, reason: "nothing_settled" } as const);
  const sum = (status: PeriodSummary["status"], of: (p: PeriodSummary) => number | null) => toOre(periods.filter((p) => p.status === status).reduce((s, p) => s + (of(p) ?? 0), 0));
  return {
    name: contract.name,
    title: contract.title,
    source: contract.source,
    capital,
    fileSha256: null,
    startYear: contract.startYear,
    capitalIllustrative: contract.investors.some((i) => i.capital.illustrative),
    splitIllustrative: contract.payers.some((p) => p.share.illustrative),
    restsOnOutcomeTable: contract.outcomeTable !== undefined,
    noCap: contract.caps.none?.source ?? null,
    illustrative: collectIllustrative(contract),
    restsOnIllustrativeTerms: periods.some((p) => p.illustrative || p.dueDateIllustrative) || contract.payers.some((p) => p.share.illustrative),
    typedIn: ledger.typedIn,
    asOf: input.asOf,
    lines: ledger.lines,
    periods,
    repaidToDate: sum("settled", (p) => p.settledAmount),
    dueToDate: sum("due", (p) => p.computedAmount),
    provisional: sum("provisional", (p) => p.computedAmount),
    contractTotal: cumulative,
    restatementOutstanding: toOre(running.outstanding),
    savingLimit: savingLimit
      ? { rule: "total repayment never exceeds the computed saving", limit: savingLimit.value, source: savingLimit.source, beforeLimit: running.beforeSavingLimit, total: cumulative, holds: cumulative <= savingLimit.value + HALF_ORE, bit: running.savingLimitBit }
      : null,
    byPayer: ledger.byPayer,
    investorReturn: {
      total: cumulative - capital,
      multiple: capital > 0 ? cumulative / capital : 0,
      irr,
      irrToDate,
      floorTopUp: running.floorTopUp,
      note: "IRR: dated cash flows (XIRR, actual/365): −capital on the first period's start, each period's amount on its settlement date when settled, else its due date; irr over the whole contract (a forecast for periods not yet settled), irrToDate on settled periods only",
    },
    risk: repaymentRisk(contract, input.effects, ledger.outcomeRows, input.seed ?? 1),
    published: contract.published.map((p) => {
      const computed = p.output === "capital" ? capital : cumulative;
      const ok = p.published === 0 ? Math.abs(computed) < 0.5 : Math.abs(computed - p.published) / Math.abs(p.published) <= p.tolerance;
      return { id: p.id, label: p.label, printed: p.printed, published: p.published, computed, verdict: ok ? ("reproduced" as const) : ("differs" as const) };
    }),
  };
}

/** Which kind of term a contract path holds (`rules[six_months].prices[0].price` → price). */
const TERM_PATHS: readonly (readonly [RegExp, TermKind])[] = [
  [/^schedule\[[^\]]*\]\.dueDate$/, "due_date"],
  [/^payers\[[^\]]*\]\.share$/, "payer_share"],
  [/\.prices\[[^\]]*\]\.price$/, "price"],
  [/\.perPersonCap$/, "per_person_cap"],
  [/^caps\.total$/, "total_cap"],
  [/^caps\.perPeriod$/, "period_cap"],
  [/^investorReturn\.ceiling$/, "return_ceiling"],
  [/^investorReturn\.floor$/, "return_floor"],
  [/^savingLimit$/, "saving_limit"],
  [/\.(pricePerUnit|unitPrice)$/, "price"],
  [/\.cap$/, "cap"],
];

function collectIllustrative(contract: unknown): IllustrativeTerm[] {
  const found: IllustrativeTerm[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${path}[${(item as { id?: string }).id ?? i}]`));
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.illustrative === true) {
        const value = typeof record.value === "number" ? record.value : String(record.value);
        found.push({ path, term: TERM_PATHS.find(([pattern]) => pattern.test(path))?.[1] ?? "other", value, source: String(record.source) });
      }
      for (const [key, value] of Object.entries(record)) visit(value, path ? `${path}.${key}` : key);
    }
  };
  visit(contract, "");
  return found;
}
