/**
 * Every report table's title, by the table's id, in the report's language. A table's own `title` wins; a table
 * neither titled nor listed here is shown without one (tests/report/chromium.test.ts fails on it).
 */
import type { TextKey } from "./i18n.ts";
import { texts, type Lang } from "./i18n.ts";

const TITLE_KEYS: Readonly<Record<string, TextKey>> = {
  summary: "tableSummary",
  consort: "tableConsort",
  balance: "tableBalance",
  balance_omnibus: "tableBalanceOmnibus",
  balance_before_matching: "tableBalanceBeforeMatching",
  effects_primary: "tableEffectsPrimary",
  kpis: "tableKpis",
  subgroups: "tableSubgroups",
  survival: "tableSurvival",
  savings: "tableSavings",
  cumulative_net: "tableCumulativeNet",
  pilot_design: "tablePilotDesign",
  repayment: "tableRepayment",
  repayment_lines: "tableRepaymentLines",
  saving_limits: "tableSavingLimits",
  portfolio_checks: "tablePortfolioChecks",
  published: "tablePublished",
  data_quality: "tableDataQuality",
  censoring: "tableCensoring",
  outcome_status_by_arm: "tableOutcomeStatusByArm",
  effects: "tableEffects",
  manifest_inputs: "tableManifestInputs",
  status: "tableStatus",
  status_contracts: "tableStatusContracts",
  changes: "tableChanges",
};

/** The title a table is shown under: its own, else the one listed for its id, else none. */
export function tableTitle(table: { readonly id: string; readonly title?: string }, lang: Lang): string | undefined {
  if (table.title !== undefined) return table.title;
  const key = TITLE_KEYS[table.id];
  return key === undefined ? undefined : texts(lang)(key);
}
