/**
 * The report: every section (one file each under sections/, in the registry's order) as HTML, with a CSV per
 * table; all counts and figures that describe fewer than `minCell` persons suppressed. Pure: artefacts in,
 * HTML and CSV text out.
 *
 *   sections (HTML with placeholders) → disclosure engine over every table → report.html · status.html · <id>.csv ·
 *   summary.txt
 */
import { labelIn } from "../shared/label.ts";
import { withContents } from "./contents.ts";
import { discloseTables } from "./disclosure/discloseTables.ts";
import { Placeholders } from "./disclosure/placeholders.ts";
import { texts } from "./i18n.ts";
import { page } from "./page.ts";
import { SECTION_IDS, SECTIONS } from "./sections/index.ts";
import type { ReportInput, Section, SectionInput } from "./sections/section.ts";
import { memoSentences } from "./sections/memo.ts";
import { economyTable, formatDate } from "./sections/status.ts";
import { escapeHtml, tableCsv, type Table } from "./table.ts";

export type { ReportInput, RunArtefacts } from "./sections/section.ts";

export interface Report {
  readonly html: string;
  readonly statusHtml: string;
  readonly tables: ReadonlyMap<string, string>;
  /** The summary's sentences, one a line (report/summary.txt), from the disclosed tables as the page's. */
  readonly summaryText: string;
  /** The tables as published, after the disclosure engine. */
  readonly disclosed: readonly Table[];
}

export async function buildReport(input: ReportInput): Promise<Report> {
  const { lang, run } = input;
  const t = texts(lang);
  // Every table is disclosed at the end (src/report/disclosure/): the sections' HTML holds placeholders until then.
  const later = new Placeholders();
  const sectionInput: SectionInput = { ...input, later };
  const built: { id: (typeof SECTION_IDS)[number]; section: Section }[] = [];
  for (const id of SECTION_IDS) {
    const section = await SECTIONS[id](sectionInput, t);
    if (section) built.push({ id, section });
  }
  const tables: Table[] = built.flatMap((b) => b.section.tables);
  const body = built.map(({ id, section }) => `<section id="${id}"><h2>${escapeHtml(t(id))}</h2>\n${section.html}\n</section>`).join("\n");
  const name = input.spec.title === undefined ? input.spec.name : labelIn(lang, input.spec.title);
  const title = `${t("title")}: ${name}`;
  // The changes section shows of the previous run only what its own report showed: disclose that report's tables too.
  const previousTables = input.previous ? (await buildReport({ ...input, run: input.previous.run, previous: null })).disclosed : null;
  const engine = discloseTables(tables, { lang, minCell: input.minCell, run, previous: input.previous?.run ?? null, previousTables, kpis: input.spec.kpis });
  // The status page's economy table is built from the disclosed tables, so it shows nothing they do not (sections/status.ts).
  const disclosed = { ...engine, tables: [...engine.tables, economyTable(input, t, engine.tables)] };
  const navigable = withContents(body, t("contents"));
  const html = await later.fill(page(lang, title, `<p>${escapeHtml(`${t("asOf")} ${run.ingest.asOf}`)}</p>\n${navigable.contents}\n${navigable.body}`), tables, disclosed, lang);
  // The status page is the status section itself (the same placeholders, so the same disclosed cells).
  const statusSection = built.find((b) => b.id === "status")?.section.html ?? "";
  const statusBody = `<section id="status"><p>${escapeHtml(`${t("asOf")} ${formatDate(lang, run.ingest.asOf)}`)}</p>\n${statusSection}</section>`;
  const statusHtml = await later.fill(page(lang, `${t("status")}: ${name}`, statusBody), tables, disclosed, lang);
  const summaryText = `${memoSentences(input, t, disclosed.tables).join("\n")}\n`;
  return { html, statusHtml, summaryText, tables: new Map(disclosed.tables.map((tb) => [`${tb.id}.csv`, tableCsv(tb)])), disclosed: disclosed.tables };
}
