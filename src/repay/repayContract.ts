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

export function repayContract(terms: Contract, input: RepayContractInput): ContractResult {
  const { asOf, effects } = input;
  // A typed-in table as known on the as-of date: a row observed later is not counted anywhere.
  const observed = input.outcomeRows === null ? null : observedBy(input.outcomeRows, asOf);
  const outcomeRows = observed?.rows ?? null;
  const typedIn = terms.outcomeTable !== undefined && observed !== null ? { table: terms.outcomeTable, rowsCounted: observed.rows.length, rowsAfterAsOf: observed.later, observedUpTo: observed.observedUpTo } : null;
  const contract = resolveProjectionFigures(terms, input.projection ?? null);
  const capital = contract.investors.reduce((sum, i) => sum + i.capital.value, 0);
  const lines: LedgerLine[] = [];
  const periods: PeriodSummary[] = [];
  const states = new Map<string, RuleState>(contract.rules.map((r) => [r.id, newRuleState()]));
  const ruleIllustrative = new Map(contract.rules.map((r) => [r.id, collectIllustrative(r).length > 0]));
  const totalCap = contract.caps.total?.value ?? Infinity;
  const ceiling = contract.investorReturn.ceiling ? contract.investorReturn.ceiling.value * capital : Infinity;
  const savingLimit = contract.savingLimit && "value" in contract.savingLimit ? contract.savingLimit : null;
  const floor = contract.investorReturn.floor ? contract.investorReturn.floor.value * capital : 0;
  const settledBy = new Map((input.settlements ?? []).filter((s) => s.settlementDate <= asOf).map((s) => [s.period, s]));
  const settledLater = new Map((input.settlements ?? []).filter((s) => s.settlementDate > asOf).map((s) => [s.period, s]));
  const dates = periodDates(contract);
  let cumulative = 0;
  let outstanding = 0;
  let outstandingFrom: string[] = [];
  let beforeSavingLimit = 0;
  let floorTopUp = 0;
  let savingLimitBit = false;

  dates.forEach(({ period, label, paymentYear, from, dueDate, dueDateIllustrative }, index) => {
    const context = (ruleId: string) => ({ effects, rows: (outcomeRows ?? []).filter((r) => r.period === period), confidence: effects?.confidence ?? 0.95, illustrative: ruleIllustrative.get(ruleId) ?? false });
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
    const settlement = settledBy.get(period) ?? null;

    let trueUp = 0;
    if (!settlement && contract.restatement === "true_up_next_period" && Math.abs(outstanding) >= HALF_ORE) {
      trueUp = toOre(outstanding);
      lines.push({ period, paymentYear, rule: "restatement", item: "true_up", basis: { restated: trueUp }, formula: "Σ (computed − settled) of the earlier settled periods, less what earlier true-ups paid", amount: trueUp, suppressed: false, illustrative: false });
      outstanding = 0;
      outstandingFrom = [];
    }

    const capsApplied: Note[] = [];
    let capIllustrative = false;
    let computed = Math.max(0, beforeCaps + trueUp);
    if (trueUp < 0 && beforeCaps + trueUp < 0) {
      // An over-payment larger than this period's amount is carried on to the next one.
      outstanding = Math.min(0, Math.max(0, beforeCaps) + trueUp);
      outstandingFrom = [`carried from ${period}`];
    }
    const limit = (value: number, name: Note, isIllustrative: boolean) => {
      if (computed > value) {
        computed = Math.max(0, value);
        capsApplied.push(name);
        capIllustrative ||= isIllustrative;
        return true;
      }
      return false;
    };
    if (contract.caps.perPeriod) limit(contract.caps.perPeriod.value, note("cap_per_period", { kr: contract.caps.perPeriod.value }), contract.caps.perPeriod.illustrative);
    limit(totalCap - cumulative, note("cap_total", { kr: totalCap }), contract.caps.total?.illustrative ?? false);
    limit(ceiling - cumulative, note("cap_return_ceiling", { multiple: contract.investorReturn.ceiling?.value ?? Infinity }), contract.investorReturn.ceiling?.illustrative ?? false);
    beforeSavingLimit += computed;
    if (savingLimit && limit(savingLimit.value - cumulative, note("cap_saving_limit", { kr: savingLimit.value }), savingLimit.illustrative)) savingLimitBit = true;
    if (index === dates.length - 1 && cumulative + computed < floor) {
      floorTopUp = floor - (cumulative + computed);
      computed += floorTopUp;
      capsApplied.push(note("floor_return", { multiple: contract.investorReturn.floor!.value, topUpKr: floorTopUp }));
      capIllustrative ||= contract.investorReturn.floor!.illustrative;
    }

    const computedAmount = persons === 0 ? null : toOre(computed);
    const { status, note: statusText } = periodStatus({ asOf, from, dueDate, persons, settled: settlement !== null, typedIn: typedIn ? { observedUpTo: typedIn.observedUpTo } : null });
    let restatement: PeriodSummary["restatement"] = null;
    if (settlement) {
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
        if (policy === "true_up_next_period") outstandingFrom.push(period);
      }
      // What is still owed for this period: its computed amount less what was settled, true-ups included
      // (a true-up it paid already covered part of an earlier restatement).
      if (contract.restatement === "true_up_next_period") outstanding += (computedAmount ?? 0) - settlement.amount;
    }
    const amount = settlement ? settlement.amount : (computedAmount ?? 0);
    cumulative += amount;
    periods.push({
      period,
      label,
      paymentYear,
      from,
      dueDate,
      status,
      statusNote: restatement ? `${statusText}; ${restatement.note}` : settledLater.has(period) ? `${statusText} (settled on ${settledLater.get(period)!.settlementDate}, after the as-of date: not counted here)` : statusText,
      persons,
      beforeCaps,
      trueUp,
      capsApplied,
      computedAmount,
      settledAmount: settlement?.amount ?? null,
      settlementDate: settlement?.settlementDate ?? null,
      settledFromRun: settlement ? { manifestSha256: settlement.run.manifestSha256, asOf: settlement.run.asOf } : null,
      restatement,
      amount,
      byPayer: {},
      cumulativeAmount: cumulative,
      remainingCapital: Math.max(0, capital - cumulative),
      illustrative: illustrative || capIllustrative,
      dueDateIllustrative,
      typedIn: typedIn !== null,
    });
  });

  const byPayer: Record<string, number> = Object.fromEntries(contract.payers.map((p) => [p.budget, 0]));
  for (const period of periods) {
    for (const payer of contract.payers) {
      const share = period.amount * payer.share.value;
      period.byPayer[payer.budget] = (period.byPayer[payer.budget] ?? 0) + share;
      byPayer[payer.budget]! += share;
    }
  }

  const irr = datedInternalRateOfReturn(investorFlows(capital, periods, false));
  const irrToDate = periods.some((p) => p.status === "settled") ? datedInternalRateOfReturn(investorFlows(capital, periods, true)) : ({ rate: null, reason: "nothing_settled" } as const);
  const sum = (status: PeriodSummary["status"], of: (p: PeriodSummary) => number | null) => toOre(periods.filter((p) => p.status === status).reduce((s, p) => s + (of(p) ?? 0), 0));

  const illustrativeTerms = collectIllustrative(contract);
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
    illustrative: illustrativeTerms,
    restsOnIllustrativeTerms: periods.some((p) => p.illustrative || p.dueDateIllustrative) || contract.payers.some((p) => p.share.illustrative),
    typedIn,
    asOf,
    lines,
    periods,
    repaidToDate: sum("settled", (p) => p.settledAmount),
    dueToDate: sum("due", (p) => p.computedAmount),
    provisional: sum("provisional", (p) => p.computedAmount),
    contractTotal: cumulative,
    restatementOutstanding: toOre(outstanding),
    savingLimit: savingLimit
      ? { rule: "total repayment never exceeds the computed saving", limit: savingLimit.value, source: savingLimit.source, beforeLimit: beforeSavingLimit, total: cumulative, holds: cumulative <= savingLimit.value + HALF_ORE, bit: savingLimitBit }
      : null,
    byPayer,
    investorReturn: {
      total: cumulative - capital,
      multiple: capital > 0 ? cumulative / capital : 0,
      irr,
      irrToDate,
      floorTopUp,
      note: "IRR: dated cash flows (XIRR, actual/365): −capital on the first period's start, each period's amount on its settlement date when settled, else its due date; irr over the whole contract (a forecast for periods not yet settled), irrToDate on settled periods only",
    },
    risk: repaymentRisk(contract, effects, outcomeRows, input.seed ?? 1),
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
