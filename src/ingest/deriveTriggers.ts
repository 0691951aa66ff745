/**
 * The rate-card triggers of the spec, per person and calendar year: the table a contract's
 * rate card counts from (work/triggers.csv, long: person, period, trigger, status, value), and
 * per trigger and period the persons by status for ingest.json. A window trigger gives one row
 * per person, in the year its window ends; a year trigger one per year the person is followed
 * in. Years after the as-of date's year get no rows (their periods have no persons yet).
 */
import { partsFromDay, type DayNumber } from "../shared/dates.ts";
import type { EvaluationSpec, TriggerSpec } from "../spec/schema.ts";
import type { Evidence } from "./outcomes/evidence.ts";
import { triggerDefinitionOf } from "./outcomes/triggers.ts";
import { triggerWindow, yearPeriod } from "./outcomes/triggerWindows.ts";
import type { OutcomeValue } from "./outcomes/types.ts";
import type { PersonRecords } from "./personRecords.ts";

export interface TriggerRow {
  readonly personId: string;
  readonly period: string;
  readonly trigger: string;
  readonly value: OutcomeValue;
}

export interface TriggerSummary {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly attribution: "window" | "year";
  readonly type: "binary" | "hours";
  readonly measures: string;
  readonly source: string;
  readonly skipped: boolean;
  readonly periods: { period: string; persons: number; achieved: number | null; byStatus: Record<string, number> }[];
}

export function deriveTriggers(triggers: NonNullable<EvaluationSpec["triggers"]>, records: PersonRecords, asOf: DayNumber, evidence: Evidence): { rows: TriggerRow[]; summaries: TriggerSummary[] } {
  const rows: TriggerRow[] = [];
  const summaries: TriggerSummary[] = [];
  const lastYear = Math.min(triggers.years.to, partsFromDay(asOf).year);
  for (const trigger of triggers.outcomes) {
    const definition = triggerDefinitionOf(trigger);
    const derive = definition.derive(trigger as never, { records, asOf, evidence });
    const own: TriggerRow[] = [];
    if (derive) {
      for (const person of records.persons) {
        if (definition.attribution === "window") {
          const { year } = triggerWindow(person, (trigger as Extract<TriggerSpec, { windowMonths: number }>).windowMonths);
          if (year >= triggers.years.from && year <= lastYear) own.push({ personId: person.personId, period: String(year), trigger: trigger.id, value: derive(person, yearPeriod(year)) });
          continue;
        }
        for (let year = triggers.years.from; year <= lastYear; year += 1) {
          const value = derive(person, yearPeriod(year));
          if (value.status !== "not_applicable") own.push({ personId: person.personId, period: String(year), trigger: trigger.id, value });
        }
      }
    }
    rows.push(...own);
    summaries.push({
      id: trigger.id,
      kind: trigger.kind,
      label: trigger.label ?? trigger.id,
      attribution: definition.attribution,
      type: definition.type,
      measures: definition.describe(trigger as never),
      source: trigger.source,
      skipped: derive === null,
      periods: summarisePeriods(own, definition.type),
    });
  }
  rows.sort((a, b) => compare(a.personId, b.personId) || compare(a.period, b.period) || triggers.outcomes.findIndex((t) => t.id === a.trigger) - triggers.outcomes.findIndex((t) => t.id === b.trigger));
  return { rows, summaries };
}

export function triggerStatusText(value: OutcomeValue): string {
  return value.status === "censored" || value.status === "incomplete" ? `${value.status}:${value.reason}` : value.status;
}

function summarisePeriods(rows: readonly TriggerRow[], type: "binary" | "hours"): TriggerSummary["periods"] {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.map((period) => {
    const inPeriod = rows.filter((r) => r.period === period);
    const byStatus: Record<string, number> = {};
    for (const r of inPeriod) byStatus[triggerStatusText(r.value)] = (byStatus[triggerStatusText(r.value)] ?? 0) + 1;
    return {
      period,
      persons: inPeriod.length,
      achieved: type === "binary" ? inPeriod.filter((r) => r.value.status === "observed" && r.value.value === 1).length : null,
      byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => compare(a, b))),
    };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
