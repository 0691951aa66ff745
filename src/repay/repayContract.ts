/**
 * One contract from its terms and the evaluation's results: ledger lines per follow-up
 * period and rule, then the contract's caps in order — per period, the total cap, the
 * ceiling on the investors' return — the floor as a top-up in the last period, the
 * split between payers, the cumulative ledger and the investors' return (IRR).
 */
import type { EffectsArtefact } from "../estimate/schema.ts";
import { internalRateOfReturn } from "./internalRateOfReturn.ts";
import type { OutcomeRow } from "./outcomeTable.ts";
import { cappedUnitPriceLines, differentialLines, rateCardLines } from "./ruleAmounts.ts";
import { repaymentRisk } from "./repaymentRisk.ts";
import type { Contract, ContractResult, LedgerLine } from "./schema.ts";

export function repayContract(contract: Contract, effects: EffectsArtefact | null, outcomeRows: readonly OutcomeRow[] | null, seed = 1): ContractResult {
  const capital = contract.investors.reduce((sum, i) => sum + i.capital.value, 0);
  const lines: LedgerLine[] = [];
  const periods: ContractResult["periods"] = [];
  const perPersonPaid = new Map<string, Map<string, number>>();
  const cappedPaid = new Map<string, number>();
  let cumulative = 0;
  const totalCap = contract.caps.total?.value ?? Infinity;
  const ceiling = contract.investorReturn.ceiling ? contract.investorReturn.ceiling.value * capital : Infinity;

  contract.schedule.forEach(({ period, paymentYear }) => {
    const rows = (outcomeRows ?? []).filter((r) => r.period === period);
    let beforeCaps = 0;
    for (const rule of contract.rules) {
      const ruleLines =
        rule.kind === "differential"
          ? differentialLines(rule, period, effects)
          : rule.kind === "rate_card"
            ? rateCardLines(rule, rows, perPersonPaid.get(rule.id) ?? perPersonPaid.set(rule.id, new Map()).get(rule.id)!)
            : cappedUnitPriceLines(rule, rows, cappedPaid.get(rule.id) ?? 0);
      for (const { amountUnsuppressed, ...line } of ruleLines) {
        beforeCaps += amountUnsuppressed;
        if (rule.kind === "capped_unit_price") cappedPaid.set(rule.id, (cappedPaid.get(rule.id) ?? 0) + amountUnsuppressed);
        lines.push({ period, paymentYear, ...line });
      }
    }
    const capsApplied: string[] = [];
    let paid = Math.max(0, beforeCaps);
    const limit = (value: number, name: string) => {
      if (paid > value) {
        paid = Math.max(0, value);
        capsApplied.push(name);
      }
    };
    if (contract.caps.perPeriod) limit(contract.caps.perPeriod.value, `per-period cap ${contract.caps.perPeriod.value}`);
    limit(totalCap - cumulative, `total cap ${totalCap}`);
    limit(ceiling - cumulative, `return ceiling ${contract.investorReturn.ceiling?.value ?? ""} × capital`);
    cumulative += paid;
    periods.push({ period, paymentYear, beforeCaps, capsApplied, paid, byPayer: {}, cumulativePaid: cumulative, remainingCapital: Math.max(0, capital - cumulative) });
  });

  let floorTopUp = 0;
  const floor = contract.investorReturn.floor ? contract.investorReturn.floor.value * capital : 0;
  if (cumulative < floor && periods.length > 0) {
    floorTopUp = floor - cumulative;
    const last = periods.at(-1)!;
    last.paid += floorTopUp;
    last.capsApplied.push(`return floor ${contract.investorReturn.floor!.value} × capital: top-up ${floorTopUp}`);
    cumulative = floor;
    last.cumulativePaid = cumulative;
    last.remainingCapital = Math.max(0, capital - cumulative);
  }
  const byPayer: Record<string, number> = Object.fromEntries(contract.payers.map((p) => [p.budget, 0]));
  for (const period of periods) {
    for (const payer of contract.payers) {
      const share = period.paid * payer.share.value;
      period.byPayer[payer.budget] = (period.byPayer[payer.budget] ?? 0) + share;
      byPayer[payer.budget]! += share;
    }
  }

  const lastYear = Math.max(contract.startYear, ...contract.schedule.map((s) => s.paymentYear));
  const flows = Array.from({ length: lastYear - contract.startYear + 1 }, (_, t) => (t === 0 ? -capital : 0));
  for (const period of periods) flows[period.paymentYear - contract.startYear]! += period.paid;
  const irr = capital > 0 ? internalRateOfReturn(flows) : null;

  const illustrative = collectIllustrative(contract);
  return {
    name: contract.name,
    title: contract.title,
    source: contract.source,
    capital,
    illustrative,
    lines,
    periods,
    totalRepaid: cumulative,
    byPayer,
    investorReturn: {
      total: cumulative - capital,
      multiple: capital > 0 ? cumulative / capital : 0,
      irr,
      floorTopUp,
      note: `cash flows by year from ${contract.startYear}: −capital in ${contract.startYear}, each period's payment in its payment year; IRR solves Σ flow_t / (1 + r)^t = 0`,
    },
    risk: repaymentRisk(contract, effects, outcomeRows, seed),
    published: contract.published.map((p) => {
      const computed = p.output === "capital" ? capital : cumulative;
      const ok = p.published === 0 ? Math.abs(computed) < 0.5 : Math.abs(computed - p.published) / Math.abs(p.published) <= p.tolerance;
      return { id: p.id, label: p.label, printed: p.printed, published: p.published, computed, verdict: ok ? ("reproduced" as const) : ("differs" as const) };
    }),
  };
}

function collectIllustrative(contract: Contract): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${path}[${(item as { id?: string }).id ?? i}]`));
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.illustrative === true) found.push(`${path} = ${record.value} (${record.source})`);
      for (const [key, value] of Object.entries(record)) visit(value, path ? `${path}.${key}` : key);
    }
  };
  visit(contract, "");
  return found;
}
