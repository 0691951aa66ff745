/**
 * What a report section is: a pure function of the run's artefacts and the report's texts,
 * giving its HTML (tables already rendered) and the tables it shows, each also written as CSV.
 * A section with nothing to show returns null and is left out.
 */
import type { MonitoringArtefact } from "../../monitor/schema.ts";
import { labelIn } from "../../shared/label.ts";
import type { AssignmentArtefact } from "../../assign/schema.ts";
import type { EffectsArtefact } from "../../estimate/schema.ts";
import type { IngestArtefact } from "../../ingest/schema.ts";
import type { ProjectionArtefact } from "../../project/schema.ts";
import type { RepaymentArtefact } from "../../repay/schema.ts";
import type { EvaluationSpec } from "../../spec/schema.ts";
import type { Lang, texts } from "../i18n.ts";
import type { Table } from "../table.ts";
import type { Placeholders } from "../disclosure/placeholders.ts";
import type { PlanStatus } from "../../spec/analysisPlan.ts";

export interface RunArtefacts {
  readonly ingest: IngestArtefact;
  readonly assignment: AssignmentArtefact | null;
  readonly effects: EffectsArtefact | null;
  readonly projection: ProjectionArtefact | null;
  readonly repayment: RepaymentArtefact | null;
  /** With a monitoring plan: this run's look at the primary outcome (src/monitor/). */
  readonly monitoring?: MonitoringArtefact | null;
}

export interface ReportInput {
  readonly lang: Lang;
  readonly minCell: number;
  readonly spec: EvaluationSpec;
  readonly run: RunArtefacts;
  /** The previous run (--compare), named by its as-of date and its manifest.json's SHA-256, never by a path. */
  readonly previous: { readonly asOf: string; readonly manifestSha256: string; readonly run: RunArtefacts } | null;
  /** Inputs with their SHA-256, seeds and versions, from the manifest. */
  readonly manifest: { readonly inputs: readonly { file: string; sha256: string }[]; readonly seeds: Readonly<Record<string, number>>; readonly versions: Readonly<Record<string, string>> };
  /** The spec against its locked analysis plan (absent: not compared). */
  readonly plan?: PlanStatus;
}

/**
 * What a section is given: the report's input and the placeholders its HTML holds until the disclosure engine
 * (src/report/disclosure/) has seen every table: a table, a cell shown outside its table, a figure drawn from estimates.
 */
export interface SectionInput extends ReportInput {
  readonly later: Placeholders;
}

export type Texts = ReturnType<typeof texts>;

export interface Section {
  readonly html: string;
  readonly tables: readonly Table[];
}

export type SectionBuilder = (input: SectionInput, t: Texts) => Promise<Section | null> | Section | null;

/** Collects the tables a section shows while its HTML is written: `add(table)` returns the table's place in the HTML. */
export function tableCollector(input: SectionInput): { readonly tables: Table[]; add: (table: Table) => string } {
  const tables: Table[] = [];
  return {
    tables,
    add: (table) => {
      tables.push(table);
      return input.later.table(table);
    },
  };
}

/** The outcome the summary and status lead with (the spec's primaryOutcome, else the first). */
export function primaryOutcomeOf(input: ReportInput): string {
  return input.spec.primaryOutcome ?? input.spec.outcomes[0]!.id;
}

/** An outcome's label in the report's language as the run recorded it, else its id. */
export function outcomeLabeller(input: ReportInput): (id: string) => string {
  const labelOf = new Map(input.run.ingest.outcomes.map((o) => [o.id, o.label]));
  return (id) => {
    const label = labelOf.get(id);
    return label === undefined ? id : labelIn(input.lang, label);
  };
}

/** True when the groups were matched, not randomised (the report then never says "randomised"). */
export function isMatched(input: ReportInput): boolean {
  return input.spec.assignment?.mode === "matched" || input.run.assignment?.matching != null || input.run.effects?.design === "matched";
}

/**
 * An arm's name in the report's language: the spec's label, else the control arm as the control (or comparison)
 * group and, with two arms, the other as the programme group; else its name.
 */
export function armLabeller(input: ReportInput, t: Texts): (arm: string) => string {
  const arms = input.spec.assignment?.arms ?? [];
  const matched = isMatched(input);
  return (name) => {
    const arm = arms.find((a) => a.name === name);
    if (arm?.label !== undefined) return labelIn(input.lang, arm.label);
    if (arm?.control) return t(matched ? "comparisonArm" : "controlArm");
    if (arm && arms.length === 2) return t(matched ? "programmeArm" : "treatmentArm");
    return name;
  };
}

/** A contrast "treatment vs control" in words: "Indsatsgruppe mod kontrolgruppe". */
export function contrastLabeller(input: ReportInput, t: Texts): (contrast: string) => string {
  const arm = armLabeller(input, t);
  return (contrast) => {
    const parts = contrast.split(" vs ");
    return parts.length === 2 ? t("contrastWords", { arm: arm(parts[0]!), control: arm(parts[1]!).toLocaleLowerCase(input.lang === "da" ? "da-DK" : "en-GB") }) : contrast;
  };
}

/** A covariate's label in the report's language (the spec's label, else its id). */
export function covariateLabeller(input: ReportInput): (id: string) => string {
  return (id) => {
    const covariate = input.spec.covariates.find((c) => c.id === id);
    return covariate?.label === undefined ? id : labelIn(input.lang, covariate.label);
  };
}
