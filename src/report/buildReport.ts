/**
 * The report: every section (one file each under sections/, in the registry's order) as HTML, with a CSV per
 * table; all counts and figures that describe fewer than `minCell` persons suppressed. Pure: artefacts in,
 * HTML and CSV text out.
 *
 *   sections → page (report.html) · the status section alone → status.html · every table → <id>.csv
 */
import { labelIn } from "../shared/label.ts";
import { texts } from "./i18n.ts";
import { page } from "./page.ts";
import { SECTION_IDS, SECTIONS } from "./sections/index.ts";
import type { ReportInput, Section } from "./sections/section.ts";
import { statusTable } from "./sections/status.ts";
import { contractStatusTable } from "./repaymentTables.ts";
import { escapeHtml, tableCsv, tableHtml, type Table } from "./table.ts";

export type { ReportInput, RunArtefacts } from "./sections/section.ts";

export interface Report {
  readonly html: string;
  readonly statusHtml: string;
  readonly tables: ReadonlyMap<string, string>;
}

export async function buildReport(input: ReportInput): Promise<Report> {
  const { lang, run } = input;
  const t = texts(lang);
  const built: { id: (typeof SECTION_IDS)[number]; section: Section }[] = [];
  for (const id of SECTION_IDS) {
    const section = await SECTIONS[id](input, t);
    if (section) built.push({ id, section });
  }
  const tables: Table[] = built.flatMap((b) => b.section.tables);
  const body = built.map(({ id, section }) => `<section id="${id}"><h2>${escapeHtml(t(id))}</h2>\n${section.html}\n</section>`).join("\n");
  const name = input.spec.title === undefined ? input.spec.name : labelIn(lang, input.spec.title);
  const title = `${t("title")}: ${name}`;
  const html = page(lang, title, `<p>${escapeHtml(`${t("asOf")} ${run.ingest.asOf}`)}</p>\n${body}`);
  const status = statusTable(input, t);
  const contractStatus = run.repayment ? contractStatusTable(run.repayment, lang, t) : null;
  const statusHtml = page(lang, `${t("status")}: ${name}`, `<section id="status">${tableHtml(status, lang)}${contractStatus ? `<h2>${escapeHtml(t("contractStatus"))}</h2>${tableHtml(contractStatus, lang)}` : ""}</section>`);
  return { html, statusHtml, tables: new Map(tables.map((tb) => [`${tb.id}.csv`, tableCsv(tb)])) };
}
