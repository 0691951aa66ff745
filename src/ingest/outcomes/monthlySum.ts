/** The sum of a monthly amount over a window: a month belongs to the window when its first day does. */
import { firstDayOfMonthIndex } from "../../shared/dates.ts";
import type { Person } from "../schema.ts";
import { dataStatus, type ExtractFamily } from "./evidence.ts";
import type { DeriveContext, OutcomeValue } from "./types.ts";
import { censored, completeWindow, observed, roundAwayFloatNoise } from "./windows.ts";

export function monthlySum(
  rows: ReadonlyMap<string, readonly { readonly month: number }[]>,
  amount: (row: never) => number,
  family: ExtractFamily,
  window: { readonly windowMonths: number; readonly fromMonth: number },
  { asOf, evidence }: DeriveContext,
): (person: Person) => OutcomeValue {
  return (person) => {
    const span = completeWindow(person, window.windowMonths, asOf, window.fromMonth);
    if (!span) return censored(person, asOf);
    const status = dataStatus(evidence, person.personId, [{ family, from: span.start, to: span.end }]);
    if (status) return status;
    let total = 0;
    for (const row of rows.get(person.personId) ?? []) {
      const firstDay = firstDayOfMonthIndex(row.month);
      if (firstDay >= span.start && firstDay < span.end) total += amount(row as never);
    }
    return observed(roundAwayFloatNoise(total));
  };
}
