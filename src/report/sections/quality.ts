/**
 * Data quality: per extract the rows read, accepted and rejected, its coverage and the rules rows broke; per outcome
 * how many values are observed, censored or incomplete, and the same per arm.
 *
 * Row counts are rows, not persons: they are shown as they are, except for an extract whose rows are one per person
 * (the population, programme participation, prison releases, and any extract whose persons are counted), where a row count is a person count and is suppressed as one.
 */
import { labelIn } from "../../shared/label.ts";
import { extractKindName, ruleName, statusName } from "../i18n.ts";
import { count, countsOfTotal, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, outcomeLabeller, tableCollector, type SectionBuilder } from "./section.ts";

/** Extract kinds whose rows are (nearly) one per person, so that their row counts count persons. */
const ONE_ROW_PER_PERSON = new Set(["population", "programme_participation", "prison_releases"]);

export const qualitySection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  const { add, tables } = tableCollector(input);
  const labelOf = outcomeLabeller(input);
  const armOf = armLabeller(input, t);
  // An extract by its title, else by its kind in words: never by its id.
  const extractOf = (name: string) => {
    const spec = input.spec.extracts[name];
    if (spec === undefined) throw new Error(`qualitySection: extract ${name} is not in the spec`);
    return spec.title === undefined ? extractKindName(lang, spec.kind) : labelIn(lang, spec.title);
  };
  const quality: Table = {
    id: "data_quality",
    columns: [
      { key: "extract", label: t("extract"), kind: "text", id: "extract_id" },
      { key: "file", label: t("file"), kind: "text" },
      { key: "rows_read", label: t("rowsRead"), kind: "count" },
      { key: "rows_accepted", label: t("rowsAccepted"), kind: "count" },
      { key: "rows_rejected", label: t("rejectedRows"), kind: "count" },
      { key: "rows_not_in_population", label: t("notInPopulation"), kind: "count" },
      { key: "coverage", label: t("coverage"), kind: "text" },
      { key: "rules", label: t("rules"), kind: "text" },
    ],
    rows: run.ingest.extracts.map((e) => {
      const perPerson = e.persons !== null || ONE_ROW_PER_PERSON.has(e.kind);
      const rowCount = (n: number): Cell => (perPerson ? count(n, minCell) : n);
      const cells: Cell[] = perPerson ? countsOfTotal([e.rowsAccepted, e.rowsRejected, e.rowsForPersonsNotInPopulation], minCell) : [e.rowsAccepted, e.rowsRejected, e.rowsForPersonsNotInPopulation];
      const coverage = e.coverage ? `${e.coverage.from ?? "…"} – ${e.coverage.to} (${t(e.coverage.source === "declared" ? "coverageDeclared" : "coverageInferred")})` : "";
      const rules = Object.entries(e.issuesByRule)
        .map(([rule, n]) => t("ruleRows", { rule: ruleName(lang, rule), rows: String(rowCount(n)) }))
        .join("; ");
      return { extract: extractOf(e.name), extract_id: e.name, file: e.file, rows_read: rowCount(e.rowsRead), rows_accepted: cells[0]!, rows_rejected: cells[1]!, rows_not_in_population: cells[2]!, coverage, rules };
    }),
  };
  const censoring: Table = {
    id: "censoring",
    columns: [{ key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" }, { key: "observed", label: t("observed"), kind: "count" }, { key: "censored", label: t("censored"), kind: "count" }, { key: "incomplete", label: t("incomplete"), kind: "count" }, { key: "not_applicable", label: t("notApplicable"), kind: "count" }],
    rows: run.ingest.outcomes.map((o) => {
      const cells = countsOfTotal([o.observed, o.censored, o.incomplete, o.notApplicable], minCell);
      return { outcome: labelOf(o.id), outcome_id: o.id, observed: cells[0]!, censored: cells[1]!, incomplete: cells[2]!, not_applicable: cells[3]! };
    }),
  };
  // Per outcome and arm, every status (censored and incomplete by reason); small cells suppressed within each arm's total.
  const byArm: Table = {
    id: "outcome_status_by_arm",
    columns: [{ key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" }, { key: "arm", label: t("arm"), kind: "text", id: "arm_id" }, { key: "status", label: t("outcomeStatus"), kind: "text", id: "status_id" }, { key: "n", label: t("persons"), kind: "count" }],
    rows: (run.assignment?.consort.outcomeStatusByArm ?? []).flatMap((row) => {
      const entries = Object.entries(row.byStatus);
      const cells = countsOfTotal(entries.map(([, n]) => n), minCell);
      return entries.map(([status], i) => ({ outcome: labelOf(row.outcome), outcome_id: row.outcome, arm: armOf(row.arm), arm_id: row.arm, status: statusName(lang, status), status_id: status, n: cells[i]! }));
    }),
  };
  const ignored = run.ingest.extracts.filter((e) => e.onRejectedRow === "ignore").map((e) => extractOf(e.name));
  const notes = [
    ...(ignored.length > 0 ? [`<p class="note"><b>${escapeHtml(t("rejectedIgnored", { names: ignored.join(", ") }))}</b></p>`] : []),
    ...(run.ingest.warnings.length > 0 ? [`<h3>${escapeHtml(t("warnings"))}</h3><ul>${run.ingest.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join("")}</ul>`] : []),
  ].join("");
  const html = notes + `<p class="note">${escapeHtml(t("rowsAreRows"))}</p>` + add(quality) + add(censoring) + (byArm.rows.length > 0 ? `<h3>${escapeHtml(t("statusByArm"))}</h3>` + add(byArm) : "");
  return { html, tables };
};
