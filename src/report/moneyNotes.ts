/**
 * The notes of an economy row, in the report's language: each cell's markers (illustrative, typed in, forecast), a
 * cell in another unit than its column's (shown apart, not summed), a net not formed, central repayment, no cap.
 */
import type { Amount } from "../money/amount.ts";
import { COLUMN_UNITS, ECONOMY_COLUMNS, inColumnUnit, type EconomyColumn, type EconomyRow } from "../money/economy.ts";
import type { Texts } from "./sections/section.ts";

/** The words of an amount's unit: "besparelse, kommunen (ikke opdelt decentral/central), pr. årgang, 5 år efter start". */
export function unitWords(t: Texts, a: Amount): string {
  const scope = a.scope === "per_person" ? t("moneyPerPerson") : a.scope === "per_cohort_year" ? t("moneyPerCohort") : t("moneyWholeProgramme");
  const period = a.period.kind === "calendar" ? `${a.period.from}–${a.period.to}` : t("moneyYears", { n: a.period.years });
  return `${t(`moneyKind_${a.kind}`)}, ${t(`moneyBudget_${a.budget}`)}, ${scope}, ${period}`;
}

/** A cell's markers: "illustrativ, prognose"; empty when it rests on none. */
export function markers(t: Texts, a: Amount): string[] {
  return [...(a.sources.includes("illustrative") ? [t("moneyIllustrative")] : []), ...(a.sources.includes("typed_in") ? [t("moneyTypedIn")] : []), ...(a.sources.includes("forecast") ? [t("moneyForecast")] : [])];
}

export function economyNotes(t: Texts, row: EconomyRow, horizon: number, extra: readonly string[] = []): string {
  const label = { investment: t("investment"), repayment: t("decentralRepayment"), savings: t("decentralSavings"), net: t("netSavings") } satisfies Record<EconomyColumn, string>;
  const notes: string[] = [];
  for (const column of ECONOMY_COLUMNS) {
    const cell = row[column];
    if (cell === null || cell === "x") continue;
    const marks = markers(t, cell);
    if (marks.length > 0) notes.push(`${label[column]}: ${marks.join(", ")}`);
    if (!inColumnUnit(column, cell, horizon)) notes.push(t("moneyApart", { what: label[column], unit: unitWords(t, cell) }));
  }
  if (row.net === null && row.savings !== null && row.repayment !== null) notes.push(t("moneyNoNet"));
  return [...notes, ...extra].join("; ");
}

export { COLUMN_UNITS };
