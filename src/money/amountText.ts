/**
 * An amount's unit as one CSV field and back, so a published economy table carries what each cell is:
 * `kind/budget/scope/period`, the period `2022-2030` (calendar years) or `5y` (years after each start);
 * the sources as `computed;illustrative`.
 */
import { AMOUNT_KINDS, BUDGETS, SCOPES, SOURCES, amount, type Amount, type AmountPeriod, type Source } from "./amount.ts";
import type { MoneyCell } from "./economy.ts";

export function unitText(a: Amount): string {
  const period = a.period.kind === "calendar" ? `${a.period.from}-${a.period.to}` : `${a.period.years}y`;
  return `${a.kind}/${a.budget}/${a.scope}/${period}`;
}

export function sourcesText(a: Amount): string {
  return a.sources.join(";");
}

const includes = <T extends string>(list: readonly T[], value: string | undefined): value is T => value !== undefined && (list as readonly string[]).includes(value);

/** A published cell back as an amount; an unreadable unit is a published table changed by hand (the caller says so). */
export function parseMoneyCell(kr: string | undefined, unit: string | undefined, sources: string | undefined): MoneyCell | Error {
  if (kr === undefined || kr === "") return null;
  if (kr === "x") return "x";
  const [kind, budget, scope, periodText] = (unit ?? "").split("/");
  const calendar = /^(\d{4})-(\d{4})$/.exec(periodText ?? "");
  const relative = /^(\d+(?:\.\d+)?)y$/.exec(periodText ?? "");
  const value = Number(kr);
  if (!Number.isFinite(value) || !includes(AMOUNT_KINDS, kind) || !includes(BUDGETS, budget) || !includes(SCOPES, scope) || (!calendar && !relative)) return new Error(`'${kr}' with unit '${unit ?? ""}'`);
  const period: AmountPeriod = calendar ? { kind: "calendar", from: Number(calendar[1]), to: Number(calendar[2]) } : { kind: "relative", years: Number(relative![1]) };
  const list = (sources ?? "").split(";").filter((s): s is Source => includes(SOURCES, s));
  return amount(value, { kind, budget, scope, period, sources: list });
}
