/**
 * Issue 26, part 4, on the shipped UngiFokus spec (which also carries Hjem, Job og Helhed and Lær for Livet on
 * typed-in outcome tables): as of 2021-10-15 neither pays or shows a provisional amount from rows observed later,
 * and each place the two ledgers are shown says they rest on typed-in outcomes — the report's repayment tables,
 * the status page and its CSVs, the workbook, and `effekt portfolio` — in Danish and in English. A table without
 * the observation-date column is refused with exit 1.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { runPipeline, runStage } from "../../pipeline/run.ts";
import { RepaymentArtefact } from "../../src/repay/schema.ts";
import { readWorkbook } from "../report/readWorkbook.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-typed-in-"));
const SPEC = "fixtures/ungifokus/spec.json";
const AS_OF = "2021-10-15";
const da = tempDir();
const en = tempDir();
const logged: string[] = [];
const TYPED = ["hjem-job-helhed", "laer-for-livet"];
const MARK = {
  da: "hviler på indtastede resultater (en håndlavet resultattabel, ikke målt fra registrene)",
  en: "rests on typed-in outcomes (a hand-made outcome table, not measured from the registers)",
} as const;

beforeAll(async () => {
  await runPipeline({ specPath: SPEC, asOf: AS_OF, outDir: da, log: (line: string) => logged.push(line) });
  cpSync(da, en, { recursive: true });
  await runStage("report", { specPath: SPEC, asOf: AS_OF, outDir: en, lang: "en", log: () => {} });
});

const csv = (dir: string, file: string) => parse(readFileSync(join(dir, "report", file), "utf8"), { columns: true }) as Record<string, string>[];

describe(`the shipped spec as of ${AS_OF}`, () => {
  it("Hjem, Job og Helhed and Lær for Livet pay nothing and show no provisional amount: every row of their tables is observed later", () => {
    const repayment = RepaymentArtefact.parse(JSON.parse(readFileSync(join(da, "repayment.json"), "utf8")));
    for (const name of TYPED) {
      const c = repayment.contracts.find((x) => x.name === name)!;
      expect([c.repaidToDate, c.dueToDate, c.provisional, c.contractTotal], name).toEqual([0, 0, 0, 0]);
      expect(c.periods.every((p) => p.computedAmount === null && p.status === "not_due" && p.typedIn), name).toBe(true);
      expect(c.typedIn, name).toMatchObject({ rowsCounted: 0, observedUpTo: null });
      expect(logged.find((l) => l.startsWith(`repay: ${name}:`)), name).toContain(`as of ${AS_OF} 0 kr repaid (settled), 0 kr due, 0 kr provisional; 0 kr over the contract`);
    }
    // The ledger says why: no data yet, not "computed on the data up to" a date it does not have.
    const ledger = parse(readFileSync(join(da, "ledger.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const periods = ledger.filter((r) => TYPED.includes(r.contract!) && r.item === "period");
    expect(periods.length).toBeGreaterThan(0);
    for (const row of periods) {
      expect(row.formula).toMatch(/^no data yet/);
      expect(row.typed_in).toContain("rows observed up to none yet");
    }
    expect(ledger.filter((r) => r.contract === "ungifokus").every((r) => r.typed_in === "")).toBe(true);
  });

  for (const [lang, dir] of [["da", da], ["en", en]] as const) {
    it(`marks both contracts as typed in, and only them, in the report's tables, the status page and the workbook (${lang})`, () => {
      const marked = (rows: Record<string, string>[], contractOf: (r: Record<string, string>) => string, file: string, column = "note") => {
        for (const name of [...TYPED, "ungifokus"]) {
          const mine = rows.filter((r) => contractOf(r).includes(name));
          expect(mine.length, `${file} ${name}`).toBeGreaterThan(0);
          for (const r of mine) expect(r[column]!.includes(MARK[lang]), `${file} ${name}`).toBe(name !== "ungifokus");
        }
      };
      marked(csv(dir, "repayment.csv"), (r) => r.contract!, "repayment.csv");
      marked(csv(dir, "repayment_lines.csv"), (r) => r.contract!, "repayment_lines.csv");
      marked(csv(dir, "repayment_contracts.csv"), (r) => r.contract!, "repayment_contracts.csv");
      marked(csv(dir, "status_contracts.csv"), (r) => r.contract!, "status_contracts.csv");
      // The economy table's notes (src/money/: each cell's markers, then the contract's own notes).
      marked(csv(dir, "status_economy.csv"), (r) => r.project!, "status_economy.csv", "notes");
      // The contract tables also say how far the table's data reaches: here, no row yet.
      expect(csv(dir, "status_contracts.csv").find((r) => r.contract!.includes("laer-for-livet"))!.note).toContain(lang === "da" ? "ingen række observeret endnu" : "no row observed yet");
      // The status page: the tables, and the contract's line in "Status på projektet".
      // As the reader sees it: without the print layout's no-break spans (a marker may hold a hyphenated word).
      const status = readFileSync(join(dir, "report", "status.html"), "utf8").replace(/<span class="word">([^<]*)<\/span>/g, "$1");
      // Its tables: each contract's row of status_contracts and of the economy table (and the portfolio total's row).
      expect(status.split(MARK[lang]).length - 1).toBe(2 * TYPED.length + 1);
      const block = status.slice(status.indexOf('<ul class="status-block">'), status.indexOf("</ul>"));
      // There as a sentence of its own: "Hviler på indtastede resultater (…)." / "Rests on typed-in outcomes (…)."
      expect(block.split(`${MARK[lang].charAt(0).toUpperCase()}${MARK[lang].slice(1)}.`).length - 1).toBe(TYPED.length);
      const summary = csv(dir, "summary.csv").find((r) => r.figure === "repaid:laer-for-livet")!;
      expect(summary.value).toContain(lang === "da" ? "indtastede resultater" : "typed-in outcomes");
      const { sheets } = readWorkbook(readFileSync(join(dir, "report", "tables.xlsx")));
      expect(sheets.flat().filter((cell) => cell.value.includes(MARK[lang])).length).toBeGreaterThanOrEqual(5 * TYPED.length);
    });
  }
});

describe("effekt portfolio carries the marker", () => {
  let stdout = "";
  beforeEach(() => {
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it("status.html and status.xlsx show the run's typed-in note beside the two contracts' economy rows", async () => {
    const out = tempDir();
    expect(await main(["portfolio", da, "--out", out])).toBe(0);
    const html = readFileSync(join(out, "status.html"), "utf8");
    expect(html.split(MARK.da).length - 1).toBe(TYPED.length);
    const { names, sheets } = readWorkbook(readFileSync(join(out, "status.xlsx")));
    const economy = sheets[names.indexOf("Økonomi – frem til 2030")]!;
    expect(economy.filter((cell) => cell.value.includes(MARK.da))).toHaveLength(TYPED.length);
    expect(stdout).toContain("portfolio:");
  });
});

describe("an outcome table without observed_on", () => {
  it("is refused with exit 1, naming the file and the missing column, without a stack trace", () => {
    const dir = tempDir();
    const table = readFileSync("fixtures/contracts/hjem-job-helhed-outcomes.csv", "utf8")
      .split("\n")
      .map((line) => line.split(",").filter((_, i) => i !== 2).join(","))
      .join("\n");
    writeFileSync(join(dir, "undated-outcomes.csv"), table);
    const contract = JSON.parse(readFileSync("fixtures/contracts/hjem-job-helhed.json", "utf8"));
    contract.outcomeTable = "undated-outcomes.csv";
    writeFileSync(join(dir, "hjem-job-helhed.json"), JSON.stringify(contract));
    const spec = JSON.parse(readFileSync(SPEC, "utf8"));
    const base = resolve("fixtures/ungifokus");
    for (const extract of Object.values<{ file: string }>(spec.extracts)) extract.file = resolve(base, extract.file);
    spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
    spec.assumptions = spec.assumptions.map((f: string) => resolve(base, f));
    spec.contract = [resolve(base, "../contracts/ungifokus.json"), join(dir, "hjem-job-helhed.json")];
    spec.portfolio = resolve(base, spec.portfolio);
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    cpSync("fixtures/ungifokus/ungifokus.allocation-log.csv", join(dir, "ungifokus.allocation-log.csv"));
    // The repay stage alone, on a copy of the run above (its ingest, effects and projection).
    const run = join(dir, "run");
    cpSync(da, run, { recursive: true });
    const result = spawnSync(process.execPath, ["bin/effekt.js", "repay", join(dir, "spec.json"), "--as-of", AS_OF, "--out", run], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("undated-outcomes.csv line 1, column 'observed_on'");
    expect(result.stderr).toContain("no 'observed_on' column: add one");
    expect(result.stderr).not.toContain("    at ");
  });
});
