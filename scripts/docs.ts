/**
 * The A4 PDFs a reader of README sees before running anything: the shipped examples' reports and status pages, in
 * Danish and English, and the council status over both, printed by headless Chromium as the council prints them.
 *
 *   npm run docs            (runs into output/docs/, writes docs/*.pdf)
 *
 *   shipped specs → runs (runPipeline) → portfolio (effekt portfolio) → each page printed to docs/<name>.pdf
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../pipeline/cli.ts";
import { runPipeline } from "../pipeline/run.ts";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));

const RUNS = [
  { name: "ungifokus", spec: "fixtures/ungifokus/spec.json", lang: "da" },
  { name: "ungifokus-en", spec: "fixtures/ungifokus/spec.json", lang: "en" },
  { name: "loesladte", spec: "fixtures/release/spec.json", lang: "da" },
  { name: "release-en", spec: "fixtures/release/spec.json", lang: "en" },
] as const;

/** Which page of which run becomes which PDF. */
const PDFS = [
  { pdf: "ungifokus-rapport.pdf", page: "ungifokus/report/report.html" },
  { pdf: "ungifokus-status.pdf", page: "ungifokus/report/status.html" },
  { pdf: "ungifokus-report-en.pdf", page: "ungifokus-en/report/report.html" },
  { pdf: "loesladte-rapport.pdf", page: "loesladte/report/report.html" },
  { pdf: "release-report-en.pdf", page: "release-en/report/report.html" },
  { pdf: "portefoelje-status.pdf", page: "portfolio/status.html" },
] as const;

/** Prints an HTML file to an A4 PDF (the page's own `@page` rules: A4, margins, landscape sections), without header or footer. */
function printPdf(html: string, pdf: string): void {
  const profile = mkdtempSync(join(tmpdir(), "effekt-docs-chromium-"));
  try {
    execFileSync(CHROMIUM!, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: "ignore" });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("run-ts.js")) {
  if (CHROMIUM === undefined) throw new Error("npm run docs requires chromium (apt-get install chromium)");
  const out = resolve("output", "docs");
  const docs = resolve("docs");
  mkdirSync(docs, { recursive: true });
  for (const run of RUNS) await runPipeline({ specPath: run.spec, outDir: join(out, run.name), lang: run.lang, log: (line) => console.error(line) });
  process.exitCode = await main(["portfolio", join(out, "ungifokus"), join(out, "loesladte"), "--out", join(out, "portfolio"), "--force"]);
  for (const { pdf, page } of PDFS) {
    printPdf(join(out, page), join(docs, pdf));
    console.error(`docs: ${page} → docs/${pdf}`);
  }
}
