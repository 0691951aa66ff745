/** Status (002's half-yearly shape): intake against plan, the trial, the primary effect, and per contract what is repaid and due. */
import { labelIn } from "../../shared/label.ts";
import { contractStatusTable } from "../repaymentTables.ts";
import { count, isSmall, type Cell } from "../suppression.ts";
import type { Table } from "../table.ts";
import { formatNumber, formatP } from "../i18n.ts";
import { isMatched, outcomeLabeller, primaryOutcomeOf, tableCollector, type ReportInput, type SectionBuilder, type Texts } from "./section.ts";

export function statusTable(input: ReportInput, t: Texts): Table {
  const { run, minCell } = input;
  const planned = input.spec.report?.plannedIntakePerYear;
  const from = Date.parse(input.spec.enrolment.from);
  const until = Math.min(Date.parse(run.ingest.asOf), Date.parse(input.spec.enrolment.to));
  const plannedSoFar = planned === undefined ? null : Math.round((planned * Math.max(0, until - from)) / (365.25 * 86_400_000));
  const primary = primaryOutcomeOf(input);
  const dim = run.effects?.estimates.find((e) => e.outcome === primary && e.estimator === "difference_in_means");
  const failed = run.assignment?.checks.filter((c) => c.passed === false).map((c) => c.id) ?? [];
  const rows: Record<string, Cell>[] = [
    {
      project: input.spec.title === undefined ? input.spec.name : labelIn(input.lang, input.spec.title),
      intake: count(run.ingest.persons, minCell),
      planned: plannedSoFar,
      trial: run.assignment ? `${run.assignment.persons.assigned} / ${run.assignment.persons.enrolled}${failed.length > 0 ? `; ${failed.join(", ")}` : ""}` : "–",
      // Not a column: which estimate the effect cell shows, for the disclosure engine.
      effect_of: dim ? `${dim.outcome}\u0000${dim.contrast}` : null,
      effect: dim && dim.estimate !== null && !isSmall(dim.n_treated, minCell) && !isSmall(dim.n_control, minCell) ? `${outcomeLabeller(input)(primary)}: ${formatNumber(input.lang, dim.estimate, 3)} (p = ${formatP(input.lang, dim.p_value)})` : "–",
    },
  ];
  return {
    id: "status",
    columns: [{ key: "project", label: t("project"), kind: "text" }, { key: "intake", label: t("intake"), kind: "count" }, { key: "planned", label: t("planned"), kind: "count" }, { key: "trial", label: t(isMatched(input) ? "matchedWord" : "randomised"), kind: "text" }, { key: "effect", label: t("effects"), kind: "text" }],
    rows,
  };
}

export const statusSection: SectionBuilder = (input, t) => {
  const { add, tables } = tableCollector(input);
  const contractStatus = input.run.repayment ? contractStatusTable(input.run.repayment, input.lang, t) : null;
  return { html: add(statusTable(input, t)) + (contractStatus ? add(contractStatus) : ""), tables };
};
