/**
 * Stage 6 — report: every artefact there is → one self-contained report.html (Danish by
 * default), status.html and a CSV per table under report/, all suppressed for small cells.
 * It reads the run's input hashes, versions and plan status for its manifest section, and the
 * previous run (--compare) for its changes section; the seal node (pipeline/seal/) follows.
 */
import type { AssignmentArtefact } from "../assign/schema.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { MonitoringArtefact } from "../monitor/schema.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import type { RepaymentArtefact } from "../repay/schema.ts";
import { defineStage } from "../stage.ts";
import { buildReport, type RunArtefacts } from "./buildReport.ts";
import { tablesWorkbook } from "./workbook.ts";

/** The artefacts of a run (this one or a previous one, for --compare) as the report reads them. */
function runArtefacts(found: { readonly [name: string]: unknown }): RunArtefacts {
  return {
    ingest: found.ingest as IngestArtefact,
    assignment: (found.assignment ?? null) as AssignmentArtefact | null,
    effects: (found.effects ?? null) as EffectsArtefact | null,
    projection: (found.projection ?? null) as ProjectionArtefact | null,
    repayment: (found.repayment ?? null) as RepaymentArtefact | null,
    monitoring: (found.monitoring ?? null) as MonitoringArtefact | null,
  };
}

export const stage = defineStage({
  name: "report",
  folder: "src/report/",
  does: "the report (HTML, status page, a CSV per table, every table in one workbook), suppressed for small cells",
  reads: ["ingest"],
  readsOptional: ["assignment", "effects", "monitoring", "projection", "repayment"],
  facts: ["inputHashes", "versions", "plan", "previousRun"],
  inputs: () => [],
  writes: ["reportHtml", "statusHtml", "reportSummary", "reportTables", "reportWorkbook"],
  skip: () => null,
  async run({ artefacts, facts }, context) {
    const { spec, lang } = context;
    const previous = facts.previousRun;
    const report = await buildReport({
      lang,
      minCell: spec.report?.minCell ?? 5,
      spec,
      run: runArtefacts(artefacts),
      previous: previous ? { asOf: previous.asOf, manifestSha256: previous.manifestSha256, run: runArtefacts(previous.artefacts) } : null,
      plan: facts.plan,
      manifest: { inputs: facts.inputHashes.map((i) => ({ file: i.path, sha256: i.sha256 })), seeds: { ...context.seeds }, versions: facts.versions },
    });
    return {
      outputs: { reportHtml: report.html, statusHtml: report.statusHtml, reportSummary: report.summaryText, reportTables: report.tables, reportWorkbook: await tablesWorkbook(report.disclosed, lang) },
      issues: [],
      warnings: [],
      summary: [`report: ${context.shownPath("reportHtml")} (${lang}), ${report.tables.size} tables`],
    };
  },
});
