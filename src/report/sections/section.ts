/**
 * What a report section is: a pure function of the run's artefacts and the report's texts,
 * giving its HTML (tables already rendered) and the tables it shows, each also written as CSV.
 * A section with nothing to show returns null and is left out.
 */
import type { AssignmentArtefact } from "../../assign/schema.ts";
import type { EffectsArtefact } from "../../estimate/schema.ts";
import type { IngestArtefact } from "../../ingest/schema.ts";
import type { ProjectionArtefact } from "../../project/schema.ts";
import type { RepaymentArtefact } from "../../repay/schema.ts";
import type { EvaluationSpec } from "../../spec/schema.ts";
import type { Lang, texts } from "../i18n.ts";
import { tableHtml, type Table } from "../table.ts";

export interface RunArtefacts {
  readonly ingest: IngestArtefact;
  readonly assignment: AssignmentArtefact | null;
  readonly effects: EffectsArtefact | null;
  readonly projection: ProjectionArtefact | null;
  readonly repayment: RepaymentArtefact | null;
}

export interface ReportInput {
  readonly lang: Lang;
  readonly minCell: number;
  readonly spec: EvaluationSpec;
  readonly run: RunArtefacts;
  readonly previous: { readonly label: string; readonly run: RunArtefacts } | null;
  /** Inputs with their SHA-256, seeds and versions, from the manifest. */
  readonly manifest: { readonly inputs: readonly { file: string; sha256: string }[]; readonly seeds: Readonly<Record<string, number>>; readonly versions: Readonly<Record<string, string>> };
}

export type Texts = ReturnType<typeof texts>;

export interface Section {
  readonly html: string;
  readonly tables: readonly Table[];
}

export type SectionBuilder = (input: ReportInput, t: Texts) => Promise<Section | null> | Section | null;

/** Collects the tables a section shows while its HTML is written: `add(table)` returns the table's HTML. */
export function tableCollector(lang: Lang): { readonly tables: Table[]; add: (table: Table) => string } {
  const tables: Table[] = [];
  return {
    tables,
    add: (table) => {
      tables.push(table);
      return tableHtml(table, lang);
    },
  };
}

/** The outcome the summary and status lead with (the spec's primaryOutcome, else the first). */
export function primaryOutcomeOf(input: ReportInput): string {
  return input.spec.primaryOutcome ?? input.spec.outcomes[0]!.id;
}

/** An outcome's label as the run recorded it, else its id. */
export function outcomeLabeller(input: ReportInput): (id: string) => string {
  const labelOf = new Map(input.run.ingest.outcomes.map((o) => [o.id, o.label]));
  return (id) => labelOf.get(id) ?? id;
}
