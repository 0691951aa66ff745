/**
 * One business case under one set of assumptions: cost lines → savings by year and
 * sector for one cohort → net of the intervention cost, break-even, ROI, NPV, the
 * steady state with a new cohort every year, and the investment ceiling.
 *
 *   line savings in year t = effect per person × unit price × decay(t) × cohort size × part of year t
 *   sector savings        = line savings × the sector's share
 *   discount factor (t)   = (1 + r)^−(t − 1): year 1 is the present
 */
import { noteToken } from "../shared/note.ts";
import type { Label } from "../shared/label.ts";
import { isRatioEstimator } from "../estimate/ratioScale.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import { decayConvention, decayFactors } from "./decayFactors.ts";
import { SECTORS, type Assumptions, type CostLine, type ScenarioResult, type Sector } from "./schema.ts";

export const FINANSMINISTERIET_RATE = 0.035;
export const DISCOUNT_CONVENTION = "values in year t are discounted by (1 + r)^−(t − 1): year 1 is the present";

type Series = { kommune: number[]; region: number[]; stat: number[]; society: number[] };
const KEYS = [...SECTORS, "society"] as const;

export class ProjectionError extends Error {}

/** An effect that cannot be had yet (not estimable as of this date): the case is reported, not projected. */
export class EffectUnavailable extends ProjectionError {}

/** The effect per person per year of a line, and the interval from its estimate's CI when it comes from effects.json. */
export function lineEffect(line: CostLine, effects: EffectsArtefact | null): { value: number; interval: [number, number] | null; from: string } {
  if (!("fromEffects" in line.effect)) return { value: line.effect.value, interval: null, from: line.effect.source };
  const spec = line.effect.fromEffects;
  if (!effects) throw new ProjectionError(`line '${line.id}' takes its effect from effects.json, and there is none: run 'effekt estimate' first`);
  if (isRatioEstimator(spec.estimator)) throw new ProjectionError(`line '${line.id}': ${spec.estimator} is a ratio, not an effect per person: name a difference estimator`);
  const candidates = effects.estimates.filter((e) => e.outcome === spec.outcome && e.estimator === spec.estimator && (spec.contrast === undefined || e.contrast === spec.contrast));
  const estimate = candidates[0];
  if (!estimate) throw new ProjectionError(`line '${line.id}': effects.json has no ${spec.estimator} estimate for outcome '${spec.outcome}'${spec.contrast ? ` (${spec.contrast})` : ""}`);
  if (estimate.estimate === null) throw new EffectUnavailable(`line '${line.id}': the ${spec.estimator} estimate for '${spec.outcome}' is not estimable (${estimate.notes?.map(noteToken).join("; ") ?? "no note"})`);
  const scale = spec.scale.value;
  const ends = estimate.conf_low !== null && estimate.conf_high !== null ? ([estimate.conf_low * scale, estimate.conf_high * scale].sort((a, b) => a - b) as [number, number]) : null;
  return { value: estimate.estimate * scale, interval: ends, from: `${spec.estimator} on ${spec.outcome} (${estimate.contrast}) × ${scale}` };
}

/** The projection's years: 1 … ⌈horizon⌉, the part of each year inside the horizon, and each year's discount factor. */
interface YearGrid {
  readonly horizon: number;
  readonly yearCount: number;
  readonly years: number[];
  readonly yearWeights: number[];
  readonly rate: number;
  readonly discount: number[];
}

type SectorKey = (typeof KEYS)[number];

export function projectScenario(assumptions: Assumptions, scenario: { id: string; label: Label }, effects: EffectsArtefact | null): ScenarioResult {
  // 1. The years, their weights and discount factors.
  const grid = yearGridOf(assumptions);
  const { years, yearCount, horizon, rate, discount } = grid;
  const size = assumptions.cohort.size.value;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // 2. Savings per cost line and sector, summed line by line.
  const savings = emptySeries(grid);
  const lines = assumptions.lines.map((line) => {
    const projected = projectLine(line, assumptions, effects, grid);
    for (const sector of SECTORS) projected.savingsByYear[sector].forEach((v, i) => (savings[sector][i]! += v));
    projected.savingsByYear.society.forEach((v, i) => (savings.society[i]! += v));
    return projected;
  });
  // 3. Net of the intervention cost, cumulative (discounted), break-even, ROI and NPV.
  const cost = (assumptions.interventionCost.perCohort?.value ?? 0) + (assumptions.interventionCost.perPerson?.value ?? 0) * size;
  if (!(cost > 0)) throw new ProjectionError("the intervention cost must be positive (interventionCost.perCohort or .perPerson)");
  const payer: Sector = assumptions.interventionCost.payer;
  const costByYear = years.map((t) => (t === 1 ? cost : 0));
  const paidBy = (key: SectorKey) => key === "society" || key === payer;
  const net = emptySeries(grid);
  for (const key of KEYS) net[key] = savings[key].map((v, i) => v - (paidBy(key) ? costByYear[i]! : 0));
  const cumulative = emptySeries(grid);
  for (const key of KEYS) {
    let running = 0;
    cumulative[key] = net[key].map((v, i) => (running += v * discount[i]!));
  }
  const breakEvenYear = (key: SectorKey) => {
    const index = cumulative[key].findIndex((v) => v >= -1e-9);
    return index < 0 ? null : years[index]!;
  };
  const totals = totalsOf(savings);
  const perKey = <T>(f: (key: SectorKey) => T) => ({ kommune: f("kommune"), region: f("region"), stat: f("stat"), society: f("society") });
  const npv = perKey((key) => cumulative[key].at(-1)!);
  const payerPresentValue = sum(savings[payer].map((v, i) => v * discount[i]!));
  return {
    scenario: scenario.id,
    label: scenario.label,
    years,
    yearWeights: grid.yearWeights,
    lines,
    savingsByYear: savings,
    totals,
    sectorShares: { kommune: totals.kommune / totals.society, region: totals.region / totals.society, stat: totals.stat / totals.society },
    interventionCostByYear: costByYear,
    interventionCostTotal: cost,
    netByYear: net,
    cumulativeNet: cumulative,
    breakEven: { year: perKey(breakEvenYear), month: perKey((key) => breakEvenMonth(grid, savings[key], paidBy(key) ? costByYear : null)), discounted: rate > 0 },
    roi: { gross: perKey((key) => totals[key] / cost), net: perKey((key) => (totals[key] - cost) / cost) },
    npv,
    discountRate: rate,
    discountConvention: DISCOUNT_CONVENTION,
    steadyState: assumptions.cohort.newCohortEachYear
      ? {
          annualSavings: totals,
          annualCost: cost,
          annualNet: perKey((key) => totals[key] - (paidBy(key) ? cost : 0)),
          description: `once ${yearCount} cohorts run side by side (a new cohort every year), each calendar year saves one cohort's ${horizon}-year total and pays one cohort's cost (undiscounted)`,
        }
      : null,
    investmentCeiling: {
      perPerson: payerPresentValue / size,
      perCohort: payerPresentValue,
      description: `the most the ${payer} can pay (in year 1) and still break even within ${horizon} years: its ${rate > 0 ? "discounted " : ""}savings over the horizon`,
    },
  };
}

function yearGridOf(assumptions: Assumptions): YearGrid {
  const horizon = assumptions.horizonYears.value;
  if (!(horizon > 0)) throw new ProjectionError("horizonYears must be positive");
  const yearCount = Math.ceil(horizon - 1e-12);
  const years = Array.from({ length: yearCount }, (_, i) => i + 1);
  const rate = assumptions.discountRate === "finansministeriet" ? FINANSMINISTERIET_RATE : assumptions.discountRate.value;
  return { horizon, yearCount, years, yearWeights: years.map((t) => Math.min(1, horizon - (t - 1))), rate, discount: years.map((t) => (1 + rate) ** -(t - 1)) };
}

function emptySeries(grid: YearGrid): Series {
  const zero = () => grid.years.map(() => 0);
  return { kommune: zero(), region: zero(), stat: zero(), society: zero() };
}

/** One cost line for one cohort: effect per person × unit price × decay(t) × cohort size × part of year t, by sector. */
function projectLine(line: CostLine, assumptions: Assumptions, effects: EffectsArtefact | null, grid: YearGrid): ScenarioResult["lines"][number] {
  const { years, yearCount, yearWeights } = grid;
  const size = assumptions.cohort.size.value;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const effect = lineEffect(line, effects);
  const price = rebasedPrice(line, assumptions);
  const factors = line.timing === "once" ? years.map((t) => (t === 1 ? 1 : 0)) : decayFactors(line.decay, yearCount);
  const perYear = (effectValue: number) => years.map((_, i) => effectValue * price * factors[i]! * size * (line.timing === "once" ? 1 : yearWeights[i]!));
  const total = perYear(effect.value);
  const bySector = emptySeries(grid);
  for (const sector of SECTORS) bySector[sector] = total.map((v) => v * line.shares[sector].value);
  bySector.society = total;
  return {
    id: line.id,
    label: line.label,
    effectPerPerson: effect.value,
    unitPriceKr: price,
    decayFactors: factors,
    decayConvention: line.timing === "once" ? "once, in year 1" : decayConvention(line.decay),
    savingsByYear: bySector,
    total: totalsOf(bySector),
    interval: effect.interval ? { low: sum(perYear(effect.interval[0])), high: sum(perYear(effect.interval[1])), from: `the 95 % CI of ${effect.from}` } : null,
  };
}

/** The month the discounted savings first cover the cost (paid at the start of year 1; savings accrue evenly over each year's months); null: not within the horizon. */
function breakEvenMonth(grid: YearGrid, savings: readonly number[], costByYear: readonly number[] | null): number | null {
  let running = 0;
  for (let i = 0; i < grid.yearCount; i += 1) {
    const months = Math.max(1, Math.round(12 * grid.yearWeights[i]!));
    const paid = costByYear ? costByYear[i]! : 0;
    running -= paid * grid.discount[i]!;
    for (let m = 1; m <= months; m += 1) {
      running += (savings[i]! / months) * grid.discount[i]!;
      if (running >= -1e-9) return 12 * i + m;
    }
  }
  return null;
}

function totalsOf(series: Series) {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { kommune: sum(series.kommune), region: sum(series.region), stat: sum(series.stat), society: sum(series.society) };
}

/** The unit price in the file's price year. */
function rebasedPrice(line: CostLine, assumptions: Assumptions): number {
  const from = line.unitPrice.priceYear;
  const to = assumptions.priceYear;
  if (from === undefined || to === undefined || from === to) return line.unitPrice.value;
  return (line.unitPrice.value * assumptions.priceIndex[String(to)]!) / assumptions.priceIndex[String(from)]!;
}
