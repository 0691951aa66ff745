/**
 * No formulas leave (issue 25). The shipped example with attack values where the data and the
 * spec reach a CSV: arm labels (`=HYPERLINK(…)`, `-2+3`), an outcome and a covariate label
 * (`@SUM(1)`, a leading tab), target-group values (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(1)`) and a
 * person's name held by three persons. Every CSV the run writes (report tables, ledger.csv,
 * effects.csv, work/ and quarantine files, the allocation log) is read back with csv-parse:
 * no cell may start with =, +, -, @, tab or CR unless it is a plain number or a lone dash.
 * The tool's own read-back gives the values exactly (assignment.json's balance levels), and the
 * name of the three persons is printed nowhere in report/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";

const HYPERLINK = '=HYPERLINK("http://x","click")';
const DDE = "+cmd|' /C calc'!A0";
const SUM = "@SUM(1)";
const NAME = "Jens Hansen";
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?((\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?|\d{1,3}([.,\u00a0 ]\d{3})+([.,]\d+)?)$/.test(cell) && !/^[-–—]$/.test(cell);

const dir = mkdtempSync(join(tmpdir(), "effekt-formula-"));
const out = join(dir, "out");
const logged: string[] = [];

/** The shipped example in a folder of its own, with attack values in its population and spec. */
function attackCopy(): string {
  const base = resolve("fixtures/ungifokus");
  const spec = JSON.parse(readFileSync(join(base, "spec.json"), "utf8"));
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  spec.assumptions = [spec.assumptions].flat().map((f: string) => resolve(base, f));
  spec.contract = [spec.contract].flat().map((f: string) => resolve(base, f));
  spec.portfolio = resolve(base, spec.portfolio);
  spec.assignment.arms[0].label = HYPERLINK;
  spec.assignment.arms[1].label = "-2+3";
  spec.outcomes[0].label = SUM;
  spec.covariates[0].label = "\t=1+1";
  spec.estimation = { subgroups: [{ covariate: "target_group" }], permutations: 200 };
  // Target groups: formulas as values, and a person's name held by three persons.
  const population = readFileSync(join(base, "population.csv"), "latin1").split("\n");
  let named = 0;
  const rows = population.map((line, i) => {
    if (i === 0 || line === "") return line;
    const cells = line.split(";");
    if (cells[5] === "Kontanthjælp, aktivitetsparat".replace("æ", "\xe6")) cells[5] = `"${HYPERLINK.replace(/"/g, '""')}"`;
    else if (cells[5]!.endsWith("uddannelsesparat")) cells[5] = DDE;
    else if (named < 3) (cells[5] = NAME), (named += 1);
    else cells[5] = SUM;
    return cells.join(";");
  });
  writeFileSync(join(dir, "population.csv"), rows.join("\n"), "latin1");
  spec.extracts.population.file = join(dir, "population.csv");
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec, null, 2));
  return join(dir, "spec.json");
}

/** Every CSV under a folder. */
function csvFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? csvFiles(path) : name.endsWith(".csv") ? [path] : [];
  });
}

describe("no CSV the tool writes holds a formula", () => {
  beforeAll(async () => {
    await runPipeline({ specPath: attackCopy(), outDir: out, log: (line) => logged.push(line) });
  });

  it("every cell of every CSV (report/, ledger, effects, work/, the allocation log) is read back without a formula", () => {
    const files = [...csvFiles(out), ...csvFiles(dir).filter((f) => f.endsWith("allocation-log.csv"))];
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expect.arrayContaining(["out/report/consort.csv", "out/report/balance.csv", "out/report/subgroups.csv", "out/ledger.csv", "out/effects.csv", "out/work/persons.csv", "ungifokus.allocation-log.csv"]));
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/^#.*\n/gm, "");
      const cells = (parse(text, { relax_column_count: true }) as string[][]).flat();
      expect(cells.filter(formulaLike), file).toEqual([]);
    }
  });

  it("the attack values did reach the CSVs, each behind an apostrophe", () => {
    const consort = readFileSync(join(out, "report/consort.csv"), "utf8");
    expect(consort).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(consort).toContain("'-2+3");
    const cells = (file: string) => (parse(readFileSync(join(out, file), "utf8")) as string[][]).flat();
    expect(cells("report/effects_primary.csv")).toContain(`'${SUM}`);
    expect(cells("report/balance.csv")).toContain("'\t=1+1");
    expect(cells("report/subgroups.csv")).toEqual(expect.arrayContaining([`'${HYPERLINK}`, `'${DDE}`, `'${SUM}`]));
    expect(cells("work/persons.csv")).toEqual(expect.arrayContaining([`'${HYPERLINK}`, `'${DDE}`, `'${SUM}`]));
  });

  it("the tool reads its own CSVs back as written: assign's balance levels are the values themselves", () => {
    const assignment = JSON.parse(readFileSync(join(out, "assignment.json"), "utf8"));
    const levels = new Set(assignment.balance.rows.filter((r: { covariate: string }) => r.covariate === "target_group").map((r: { level: string }) => r.level));
    expect([...levels].sort()).toEqual([DDE, HYPERLINK, NAME, SUM].sort());
  });

  it("a value three persons hold is not printed by name in the run's messages; the warning names the covariate", () => {
    expect(logged.join("\n")).not.toContain(NAME);
    expect(logged.join("\n")).toContain("assign: warning: $.covariates[2]: covariate 'target_group': 1 of its 4 values is held by fewer than 5 persons.");
  });

  it("a value three persons hold is not printed by name in report/ (balance, subgroups, report.html)", () => {
    for (const file of readdirSync(join(out, "report"))) expect(readFileSync(join(out, "report", file), "utf8").includes(NAME), file).toBe(false);
    const balance = parse(readFileSync(join(out, "report/balance.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(balance.map((r) => r.covariate_label)).toContain("Målgruppe = (en værdi, som færre end 5 personer har, ikke vist: A)");
  });
});
