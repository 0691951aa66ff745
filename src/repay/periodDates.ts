/**
 * Each period's dates from the contract's schedule: when its follow-up starts (`from`)
 * and when its payment falls due (`dueDate`). Defaults: due on 31 December of the payment
 * year; the first period starts on the contract's period.from, each later one the day
 * after the previous period's due date.
 */
import type { Label } from "../shared/label.ts";
import { parseDate } from "../ingest/parseValue.ts";
import { isoDate } from "../shared/dates.ts";
import type { Contract } from "./schema.ts";

export interface PeriodDates {
  readonly period: string;
  readonly label: Label;
  readonly paymentYear: number;
  readonly from: string;
  readonly dueDate: string;
  readonly dueDateIllustrative: boolean;
}

export function periodDates(contract: Contract): PeriodDates[] {
  const out: PeriodDates[] = [];
  contract.schedule.forEach((entry, i) => {
    const dueDate = entry.dueDate?.value ?? `${entry.paymentYear}-12-31`;
    const previous = out[i - 1];
    const from = entry.from ?? (previous ? isoDate(parseDate(previous.dueDate, "iso")! + 1) : contract.period.from);
    out.push({ period: entry.period, label: entry.label ?? entry.period, paymentYear: entry.paymentYear, from, dueDate, dueDateIllustrative: entry.dueDate?.illustrative ?? false });
  });
  return out;
}
