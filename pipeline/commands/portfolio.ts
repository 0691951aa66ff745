/** `effekt portfolio RUN RUN … --out DIR`: one council status over several evaluations, from what each run published. */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { artefactPath } from "../../src/catalogue.ts";
import { messages } from "../../src/messages.ts";
import type { Manifest } from "../seal/manifest.ts";
import { councilStatus, PublishedTableError, type PublishedRun } from "../../src/report/portfolio/councilStatus.ts";
import { Portfolio } from "../../src/repay/portfolio.ts";
import { tableCsv } from "../../src/report/table.ts";
import { toPublishedPrecision } from "../../src/report/disclosure/precision.ts";
import { readJson } from "../io/readJson.ts";
import { ECONOMY_TABLE_ID } from "../../src/report/sections/status.ts";
import { tablesWorkbook } from "../../src/report/workbook.ts";
import { fromCsvRow } from "../../src/shared/csv.ts";
import { issue, issuesFromZod, stopRun, StopRun } from "../../src/shared/issues.ts";
import { readArtefact } from "../io/artefactStore.ts";
import { writeFileAtomic } from "../io/files.ts";
import { sha256File } from "../io/hash.ts";
import { shown } from "../io/paths.ts";
import { openOwnedFolder } from "../io/ownedFolder.ts";
import { refuseOutHoldingInputs } from "../io/refuseOutHoldingInputs.ts";
import { EXIT_OK, guarded, say, tell, text, UsageError, type Command } from "./command.ts";

/** What portfolio writes into its --out folder: the only files it claims, and never over a file it did not write. */
const WRITES = ["status.html", "status.xlsx"];

/** The report tables the council status is built from: the run's status table and its economy table. */
const READS = ["status", ECONOMY_TABLE_ID].map((id) => artefactPath("reportTables", `${id}.csv`));

/** One run folder as it published itself: its manifest, and the two status CSVs, checked against the manifest's hashes. */
async function readPublishedRun(folder: string): Promise<PublishedRun> {
  const dir = resolve(folder);
  const kind = await stat(dir).then((s) => (s.isDirectory() ? "folder" : "file")).catch(() => "absent" as const);
  if (kind !== "folder") throw new UsageError(`effekt portfolio: ${messages.portfolioNotARun(shown(dir), kind === "absent" ? "absent" : "not_a_folder")}`);
  if ((await sha256File(join(dir, artefactPath("manifest")))) === null) throw new UsageError(`effekt portfolio: ${messages.portfolioNotARun(shown(dir), "no_manifest")}`);
  const manifest = (await readArtefact({ outDir: dir, specDir: dir, spec: null }, "manifest", "run")) as Manifest;
  const tables: Record<string, string>[][] = [];
  for (const path of READS) {
    const recorded = manifest.outputs.find((o) => o.path === path);
    if (!recorded) throw new UsageError(`effekt portfolio: ${messages.portfolioNoStatus(shown(dir), path)}`);
    const file = join(dir, path);
    if ((await sha256File(file)) !== recorded.sha256) stopRun(issue("portfolio_report_changed", messages.portfolioReportChanged(path), { file: shown(file), path: [] }));
    tables.push((parseCsv(await readFile(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map(fromCsvRow));
  }
  return { folder, evaluation: manifest.evaluation, asOf: manifest.asOf, status: tables[0]!, economy: tables[1]! };
}

/** One run per evaluation: the latest as-of of each (the first named on a tie); the others are named as ignored. */
export function latestPerEvaluation(runs: readonly PublishedRun[]): { used: PublishedRun[]; ignored: PublishedRun[] } {
  const used = new Map<string, PublishedRun>();
  for (const run of runs) {
    const first = used.get(run.evaluation);
    if (!first || run.asOf > first.asOf) used.set(run.evaluation, run);
  }
  const kept = new Set(used.values());
  return { used: runs.filter((r) => kept.has(r)), ignored: runs.filter((r) => !kept.has(r)) };
}

export const portfolioCommand: Command = {
  name: "portfolio",
  synopsis: "effekt portfolio <run dir> <run dir> … --out DIR [--force] [--horizon YEAR] [--published FILE] [--lang da|en]  one council status over several evaluations",
  help: `effekt portfolio <run dir> <run dir> … --out DIR [--force] [--horizon YEAR] [--published FILE] [--lang da|en]

Builds one council status over several evaluations' runs (each the --out folder of an effekt run):
DIR/status.html — per evaluation 002's "Status på projektet" block, and one "Økonomi – frem til <year>"
table for every investment together — with its tables as DIR/status.xlsx and DIR/<table>.csv. It reads
only what each run published (report/status.csv and report/status_economy.csv, checked against the run's
manifest.json), so it shows no figure a run did not; a total over suppressed cells is suppressed.

One run per evaluation: of several runs of the same evaluation the latest as-of is used and the others
are named as ignored. Each contract is counted once, known by its name and its file's SHA-256: reached
from two runs, the run of the contract's own evaluation is used (else the later as-of). Every cell is an
amount with its unit: a total per column sums only the cells in the column's unit (investors' capital,
kommune_decentral repayment and savings, whole programme, to the horizon); a per-person price or a
per-cohort saving is shown in its row and named, never summed.

Options:
  --out DIR            the folder for status.html, status.xlsx and the CSVs: new, empty, or one portfolio wrote
                       before (a file there it did not write is never overwritten); never a run folder
  --force              take over a non-empty --out folder effekt did not write (its other files are kept)
  --horizon YEAR       the economy table runs to the end of YEAR (default 2030, as 002)
  --published FILE     a published portfolio table (as fixtures/contracts/portfolio-002.json) to recompute
  --lang da|en         the page's language (default Danish; the runs' own words stay in their language)
  -h, --help           this help`,
  options: { out: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" }, horizon: { type: "string" }, published: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const out = text(values, "out");
    const lang = text(values, "lang") ?? "da";
    const horizonText = text(values, "horizon") ?? "2030";
    const publishedFile = text(values, "published");
    if (positionals.length === 0 || out === undefined) throw new UsageError("effekt portfolio: expected one or more run folders and --out DIR");
    if (lang !== "da" && lang !== "en") throw new UsageError("effekt portfolio: --lang takes da or en");
    if (!/^\d{4}$/.test(horizonText)) throw new UsageError("effekt portfolio: --horizon takes a year, e.g. 2030");
    const horizon = Number(horizonText);
    const twice = positionals.find((p, i) => positionals.findIndex((q) => resolve(q) === resolve(p)) !== i);
    if (twice !== undefined) throw new UsageError(`effekt portfolio: ${messages.portfolioSameRun(twice)}`);
    return guarded("portfolio", async () => {
      const dir = resolve(out);
      await refuseOutHoldingInputs(dir, [...positionals.map((p) => resolve(p)), ...(publishedFile === undefined ? [] : [resolve(publishedFile)])]);
      const folder = await openOwnedFolder(dir, { kind: "portfolio", force: values.force === true, log: tell, catalogued: (path) => WRITES.includes(path) || /^[a-z_]+\.csv$/.test(path) });
      try {
        // The page and the workbook are claimed first: a file in the way stops the command before any work.
        await folder.claim(WRITES.map((file) => join(dir, file)));
        const runs: PublishedRun[] = [];
        for (const run of positionals) runs.push(await readPublishedRun(run));
        let published: Portfolio | undefined;
        if (publishedFile !== undefined) {
          const parsed = Portfolio.safeParse(await readJson(resolve(publishedFile), "portfolio file"));
          if (!parsed.success) throw new StopRun(issuesFromZod(parsed.error, shown(resolve(publishedFile))));
          published = parsed.data;
        }
        const { used, ignored } = latestPerEvaluation(runs);
        let status;
        try {
          status = councilStatus(used, lang, { horizon, ignored, ...(published ? { published } : {}) });
        } catch (error) {
          if (error instanceof PublishedTableError) stopRun(issue("portfolio_report_changed", error.message, { path: [] }));
          throw error;
        }
        // The tables' CSVs are claimed before anything is written: a file in the way that portfolio did not write stops it.
        await folder.claim(status.tables.map((table) => join(dir, `${table.id}.csv`)));
        await writeFileAtomic(join(dir, "status.html"), status.html);
        await writeFileAtomic(join(dir, "status.xlsx"), await tablesWorkbook(status.tables, lang));
        // At the published precision, as the page shows them (src/report/disclosure/precision.ts): 59.7, not 59.699999999999996.
        for (const table of status.tables) await writeFileAtomic(join(dir, `${table.id}.csv`), tableCsv(toPublishedPrecision(table)));
        say(`portfolio: ${used.length} evaluations (${used.map((r) => r.evaluation).join(", ")}) to ${horizon} → ${shown(join(dir, "status.html"))}, ${shown(join(dir, "status.xlsx"))}`);
        for (const run of ignored) say(`portfolio: ignored ${run.folder} (${run.evaluation} as of ${run.asOf}): a later run of the same evaluation is used`);
        return EXIT_OK;
      } finally {
        await folder.release();
      }
    });
  },
};
