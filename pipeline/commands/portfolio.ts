/** `effekt portfolio RUN RUN … --out DIR`: one council status over several evaluations, from what each run published. */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { artefactPath } from "../../src/catalogue.ts";
import { messages } from "../../src/messages.ts";
import type { Manifest } from "../../src/report/manifest.ts";
import { councilStatus, type PublishedRun } from "../../src/report/portfolio/councilStatus.ts";
import { ECONOMY_TABLE_ID } from "../../src/report/sections/status.ts";
import { tablesWorkbook } from "../../src/report/workbook.ts";
import { fromCsvRow } from "../../src/shared/csv.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
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

export const portfolioCommand: Command = {
  name: "portfolio",
  synopsis: "effekt portfolio <run dir> <run dir> … --out DIR [--force] [--lang da|en]  one council status over several evaluations",
  help: `effekt portfolio <run dir> <run dir> … --out DIR [--force] [--lang da|en]

Builds one council status over several evaluations' runs (each the --out folder of an effekt run):
DIR/status.html — per evaluation 002's "Status på projektet" block, and one "Økonomi – frem til <year>"
table for every investment together — with its tables as DIR/status.xlsx. It reads only what each run
published (report/status.csv and report/status_economy.csv, checked against the run's manifest.json), so
it shows no figure a run did not; a total over suppressed cells is suppressed.

Options:
  --out DIR            the folder for status.html and status.xlsx: new, empty, or one portfolio wrote
                       before (a file there it did not write is never overwritten); never a run folder
  --force              take over a non-empty --out folder effekt did not write (its other files are kept)
  --lang da|en         the page's language (default Danish; the runs' own words stay in their language)
  -h, --help           this help`,
  options: { out: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const out = text(values, "out");
    const lang = text(values, "lang") ?? "da";
    if (positionals.length === 0 || out === undefined) throw new UsageError("effekt portfolio: expected one or more run folders and --out DIR");
    if (lang !== "da" && lang !== "en") throw new UsageError("effekt portfolio: --lang takes da or en");
    const twice = positionals.find((p, i) => positionals.findIndex((q) => resolve(q) === resolve(p)) !== i);
    if (twice !== undefined) throw new UsageError(`effekt portfolio: ${messages.portfolioSameRun(twice)}`);
    return guarded("portfolio", async () => {
      const dir = resolve(out);
      await refuseOutHoldingInputs(dir, positionals.map((p) => resolve(p)));
      const folder = await openOwnedFolder(dir, { kind: "portfolio", force: values.force === true, log: tell, catalogued: (path) => WRITES.includes(path) });
      try {
        // Claimed first: a file in the way stops the command before any work.
        const [html, workbook] = WRITES.map((file) => join(dir, file)) as [string, string];
        await folder.claim([html, workbook]);
        const runs: PublishedRun[] = [];
        for (const run of positionals) runs.push(await readPublishedRun(run));
        const status = councilStatus(runs, lang);
        await writeFileAtomic(html, status.html);
        await writeFileAtomic(workbook, await tablesWorkbook(status.tables, lang));
        say(`portfolio: ${runs.length} evaluations (${runs.map((r) => r.evaluation).join(", ")}) → ${shown(html)}, ${shown(workbook)}`);
        return EXIT_OK;
      } finally {
        await folder.release();
      }
    });
  },
};
