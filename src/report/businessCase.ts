/**
 * What the business-case section derives from a projected case (projection.json), pure:
 * who pays the programme, the estimates the case rests on, the net with the trial's CI band,
 * and the one-way sensitivity in tornado order.
 */
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { CaseProjection, ScenarioResult } from "../project/schema.ts";

export type Sector = "kommune" | "region" | "stat";
export const SECTOR_KEYS: readonly Sector[] = ["kommune", "region", "stat"];

/** The sector that pays the programme: the one whose net is its savings less the cost (null when there is no cost). */
export function payerOf(s: ScenarioResult): Sector | null {
  if (!(s.interventionCostTotal > 0)) return null;
  for (const sector of SECTOR_KEYS) {
    const borne = s.savingsByYear[sector].reduce((sum, v, i) => sum + v - s.netByYear[sector][i]!, 0);
    if (Math.abs(borne - s.interventionCostTotal) < 0.5) return sector;
  }
  return null;
}

/** The estimates (outcome, contrast) the case's lines take their effect from, read from the lines' interval (`… of <estimator> on <outcome> (<contrast>) × …`). */
export function caseEstimates(c: CaseProjection, effects: EffectsArtefact | null): { outcome: string; contrast: string }[] {
  const found = new Map<string, { outcome: string; contrast: string }>();
  for (const s of c.scenarios) {
    for (const line of s.lines) {
      if (!line.interval) continue;
      for (const e of effects?.estimates ?? []) if (line.interval.from.includes(` ${e.estimator} on ${e.outcome} (${e.contrast}) `)) found.set(`${e.outcome}\u0000${e.contrast}`, { outcome: e.outcome, contrast: e.contrast });
    }
  }
  return [...found.values()];
}

export interface NetBand {
  readonly year: number;
  readonly series: "society" | Sector;
  readonly net: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The cumulative net per year for society and the payer with the band from the trial's own CIs: every line whose
 * effect comes from this trial at the low (high) end of its own 95 % interval at once, the others as assumed — the
 * savings are linear in the effect, so a line's year scales by interval ÷ total. Not a joint interval. Null when no
 * line has an interval, or one has a zero total (nothing to scale).
 */
export function netBand(s: ScenarioResult): NetBand[] | null {
  const lines = s.lines.filter((l) => l.interval !== null);
  if (lines.length === 0 || lines.some((l) => l.total.society === 0)) return null;
  const payer = payerOf(s);
  const series: ("society" | Sector)[] = payer ? ["society", payer] : ["society"];
  const discount = s.years.map((_, i) => (1 + s.discountRate) ** -i);
  const out: NetBand[] = [];
  for (const key of series) {
    let net = 0;
    let low = 0;
    let high = 0;
    s.years.forEach((year, i) => {
      const shift = (end: "low" | "high") => lines.reduce((sum, l) => sum + (l.interval![end] / l.total.society - 1) * l.savingsByYear[key][i]!, 0);
      net += s.netByYear[key][i]! * discount[i]!;
      low += (s.netByYear[key][i]! + shift("low")) * discount[i]!;
      high += (s.netByYear[key][i]! + shift("high")) * discount[i]!;
      out.push({ year, series: key, net, low: Math.min(low, high), high: Math.max(low, high) });
    });
  }
  return out;
}

export interface TornadoRow {
  readonly index: number;
  readonly label: CaseProjection["sensitivity"][number]["label"];
  readonly low: unknown;
  readonly high: unknown;
  readonly society: { readonly low: number; readonly base: number; readonly high: number };
  readonly kommune: { readonly low: number; readonly base: number; readonly high: number };
  /** |net at high − net at low| for society: the bar's length. */
  readonly swing: number;
}

/** The one-way sensitivity in tornado order: the widest swing of society's net first; ties in the case's order. */
export function tornadoRows(c: CaseProjection): TornadoRow[] {
  return c.sensitivity
    .map((s, index) => ({ index, label: s.label, low: s.low, high: s.high, society: s.societyNet, kommune: s.kommuneNet, swing: Math.abs(s.societyNet.high - s.societyNet.low) }))
    .sort((a, b) => b.swing - a.swing || a.index - b.index);
}
