/**
 * No CPR number is ever echoed (issues 14 and 25). CPR-like values in both forms (ddmmyy-xxxx
 * and ten digits) are put in every field position of every extract kind, in the first
 * line of a header-less file, in an .xlsx cell (text and number) and in every column of
 * an `estimate --table` table; the other spellings (space, slash, dot, dashes, a trailing
 * separator, inside a name) in every column of the population and of a table, in a file's
 * name and in the spec's labels. Each case runs the CLI's own entry point (`main`, as
 * bin/effekt.js calls it) with stdout and stderr captured; the run must stop with the
 * CPR refusal, and neither output stream nor any file it wrote may hold the value (nor its
 * ten digits, nor its six- and four-digit parts side by side).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { main } from "../../pipeline/cli.ts";
import { EXTRACT_KIND_NAMES, fieldsOf, type ExtractKind, type FieldDefinition } from "../../src/ingest/extractKinds.ts";

const CPRS = ["110295-3782", "1102953782"];
/** Issue 25: the spellings the first detector let through. */
const SPELLINGS = ["110295 3782", "110295/3782", "110295.3782", "110295\u20133782", "110295\u20143782", "110295  3782", "110295-3782-", "Jens Hansen 110295/3782"];
let lookedFor: readonly string[] = CPRS;
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-cpr-"));

let captured = "";
beforeEach(() => {
  captured = "";
  const capture = (chunk: unknown) => ((captured += String(chunk)), true);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as never);
  vi.spyOn(process.stdout, "write").mockImplementation(capture as never);
});
afterEach(() => vi.restoreAllMocks());

/** Everything under a folder, as text (binary files too: their bytes as latin1). */
function everyFile(dir: string): string[] {
  if (!existsSync(dir)) return [];
  let texts: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    texts = statSync(path).isDirectory() ? [...texts, ...everyFile(path)] : [...texts, readFileSync(path, "latin1"), readFileSync(path, "utf8")];
  }
  return texts;
}

/** Runs the CLI; returns its exit code, after checking that no output holds a CPR value. */
async function cli(out: string, ...args: string[]): Promise<number> {
  const status = await main(args);
  for (const cpr of [...lookedFor, "1102953782"]) {
    expect(captured, `stdout/stderr of effekt ${args.join(" ")}`).not.toContain(cpr);
    for (const text of everyFile(out)) expect(text.includes(cpr), `a file under ${out}`).toBe(false);
  }
  return status;
}

const sample: Record<FieldDefinition["type"], string> = {
  id: "P01",
  date: "2022-01-10",
  month: "2022-01",
  week: "2022-W02",
  number: "5",
  code: "A",
  benefit_code: "134",
  text: "x",
  category: "",
};
const valueOf = (definition: FieldDefinition) => (definition.type === "category" ? definition.categories![0]! : sample[definition.type]);

/** Header and one valid row of a kind, canonical column names (wide benefits: two week columns). */
function table(kind: ExtractKind): { header: string[]; row: string[] } {
  const fields = Object.entries(fieldsOf(kind));
  const header = fields.map(([name]) => name);
  const row = fields.map(([, d]) => valueOf(d));
  if (kind === "benefit_weeks_wide") return { header: [...header, "y_2202", "y_2203"], row: [...row, "134", ""] };
  return { header, row };
}

const POPULATION = "personId;birthDate;sex;startDate\nP01;1995-02-11;female;2022-01-10\nP02;1996-03-12;male;2022-01-11\n";

function specFor(dir: string, kind: ExtractKind, file: string): string {
  writeFileSync(join(dir, "population.csv"), POPULATION);
  writeFileSync(join(dir, "convictions.csv"), "personId;date\nP01;2022-06-01\n");
  const extracts: Record<string, unknown> = {};
  if (kind !== "population") extracts.population = { kind: "population", file: "population.csv" };
  if (kind !== "convictions") extracts.convictions = { kind: "convictions", file: "convictions.csv" };
  if (kind !== "allocation") extracts.subject = { kind, file };
  const spec = {
    name: "cpr",
    asOf: "2024-12-31",
    enrolment: { from: "2021-10-01", to: "2023-09-30" },
    extracts: kind === "population" ? { ...extracts, population: { kind, file } } : extracts,
    benefitCodes: { file: resolve("fixtures/codes/benefit-groups.csv") },
    quarantine: { maxShare: 1 },
    ...(kind === "allocation" ? { assignment: { mode: "existing", file } } : {}),
    outcomes: [{ id: "convictions_12m", kind: "convictions_per_person_year", windowMonths: 12 }],
  };
  if (kind === "population") delete (spec.extracts as Record<string, unknown>).subject;
  const path = join(dir, "spec.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

const cases = EXTRACT_KIND_NAMES.flatMap((kind) => {
  const { header } = table(kind);
  return header.flatMap((column, position) => CPRS.map((cpr) => [kind, column, position, cpr] as const));
});

describe("no CPR-like value is echoed by any command", () => {
  it.each(cases)("%s, column %s (position %i): %s", async (kind, _column, position, cpr) => {
    const dir = tempDir();
    const { header, row } = table(kind);
    const bad = row.map((value, i) => (i === position ? cpr : value));
    writeFileSync(join(dir, "subject.csv"), [header, row, bad].map((r) => r.join(";")).join("\n") + "\n");
    const out = join(dir, "out");
    const status = await cli(out, kind === "allocation" ? "run" : "ingest", specFor(dir, kind, "subject.csv"), "--out", out);
    expect(status).toBe(1);
    expect(captured).toContain("look like CPR numbers");
    expect(captured).toContain("subject.csv line 3");
  });

  it.each(EXTRACT_KIND_NAMES.flatMap((kind) => CPRS.map((cpr) => [kind, cpr] as const)))("a header-less %s file whose first line holds %s", async (kind, cpr) => {
    const dir = tempDir();
    const { row } = table(kind);
    writeFileSync(join(dir, "subject.csv"), [[cpr, ...row.slice(1)], row].map((r) => r.join(";")).join("\n") + "\n");
    const out = join(dir, "out");
    expect(await cli(out, kind === "allocation" ? "run" : "ingest", specFor(dir, kind, "subject.csv"), "--out", out)).toBe(1);
    expect(captured).toContain("no header line");
  });

  it.each([
    ["a text cell", { value: CPRS[0] }],
    ["a number cell", { value: Number(CPRS[1]), type: Number }],
  ])("an .xlsx population with a CPR in %s", async (_what, cell) => {
    const dir = tempDir();
    await writeXlsxFile([
      ["personId", "birthDate", "sex", "startDate"].map((value) => ({ value })),
      [{ value: "P01" }, { value: "1995-02-11" }, { value: "female" }, { value: "2022-01-10" }],
      [cell, { value: "1996-03-12" }, { value: "male" }, { value: "2022-01-11" }],
    ] as never).toFile(join(dir, "subject.xlsx"));
    const out = join(dir, "out");
    expect(await cli(out, "ingest", specFor(dir, "population", "subject.xlsx"), "--out", out)).toBe(1);
    expect(captured).toContain("subject.xlsx line 3");
  });

  const tableHeader = ["id", "arm", "y", "x"];
  const tableRows = [["A1", "treatment", "1,5", "2"], ["A2", "control", "2,5", "3"], ["A3", "treatment", "1", "1"], ["A4", "control", "3", "2"]];
  it.each(tableHeader.flatMap((column, position) => CPRS.map((cpr) => [column, position, cpr] as const)))("estimate --table with column %s (position %i) holding %s", async (_column, position, cpr) => {
    const dir = tempDir();
    const rows = tableRows.map((r, i) => (i === 2 ? r.map((v, j) => (j === position ? cpr : v)) : r));
    writeFileSync(join(dir, "t.csv"), [tableHeader, ...rows].map((r) => r.join(";")).join("\n") + "\n");
    const out = join(dir, "out");
    expect(await cli(out, "estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--covariates", "x", "--permutations", "0", "--out", out)).toBe(1);
    expect(captured).toContain("look like CPR numbers");
    expect(captured).toContain("line 4");
  });

  it.each(CPRS)("estimate --table on a header-less table whose first line holds %s", async (cpr) => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), [[cpr, "treatment", "1", "2"], ...tableRows].map((r) => r.join(";")).join("\n") + "\n");
    const out = join(dir, "out");
    expect(await cli(out, "estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--permutations", "0", "--out", out)).toBe(1);
    expect(captured).toContain("no header line");
  });

  describe("in every spelling (issue 25)", () => {
    beforeEach(() => (lookedFor = SPELLINGS));
    afterEach(() => (lookedFor = CPRS));

    const population = table("population");
    it.each(population.header.flatMap((column, position) => SPELLINGS.map((cpr) => [column, position, cpr] as const)))("population, column %s (position %i): %j", async (_column, position, cpr) => {
      const dir = tempDir();
      const bad = population.row.map((value, i) => (i === position ? cpr : value));
      writeFileSync(join(dir, "subject.csv"), [population.header, population.row, bad].map((r) => r.join(";")).join("\n") + "\n");
      const out = join(dir, "out");
      expect(await cli(out, "ingest", specFor(dir, "population", "subject.csv"), "--out", out)).toBe(1);
      expect(captured).toContain("look like CPR numbers");
      expect(captured).toContain("subject.csv line 3");
    });

    it.each(tableHeader.flatMap((column, position) => SPELLINGS.map((cpr) => [column, position, cpr] as const)))("estimate --table with column %s (position %i) holding %j", async (_column, position, cpr) => {
      const dir = tempDir();
      const rows = tableRows.map((r, i) => (i === 2 ? r.map((v, j) => (j === position ? cpr : v)) : r));
      writeFileSync(join(dir, "t.csv"), [tableHeader, ...rows].map((r) => r.join(";")).join("\n") + "\n");
      const out = join(dir, "out");
      expect(await cli(out, "estimate", "--table", join(dir, "t.csv"), "--treatment", "arm", "--outcomes", "y", "--covariates", "x", "--permutations", "0", "--out", out)).toBe(1);
      expect(captured).toContain("look like CPR numbers");
      expect(captured).toContain("line 4");
    });

    it.each(["110295-3782.csv", "110295 3782.csv", "data-110295.3782/population.csv"])("an extract file named %j is refused, and its name is never printed", async (name) => {
      const dir = tempDir();
      const { header, row } = table("convictions");
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), [header, row].map((r) => r.join(";")).join("\n") + "\n");
      const out = join(dir, "out");
      expect(await cli(out, "ingest", specFor(dir, "convictions", name), "--out", out)).toBe(1);
      expect(captured).toContain("spec.json $.extracts.subject.file: this value looks like a CPR number (it is not shown)");
    });

    it("a spec whose arm label holds a CPR number is refused by its JSON path", async () => {
      const dir = tempDir();
      const path = specFor(dir, "convictions", "convictions.csv");
      const spec = JSON.parse(readFileSync(path, "utf8"));
      spec.assignment = { mode: "randomise", seed: 1, arms: [{ name: "control", ratio: 1, control: true, label: "Kontrol" }, { name: "treatment", ratio: 1, label: "Jens Hansen 110295/3782" }] };
      writeFileSync(path, JSON.stringify(spec));
      const out = join(dir, "out");
      expect(await cli(out, "run", path, "--out", out)).toBe(1);
      expect(captured).toContain("spec.json $.assignment.arms[1].label: this value looks like a CPR number");
    });

    it("estimate --table on a table whose file name looks like a CPR number never prints the name", async () => {
      const dir = tempDir();
      writeFileSync(join(dir, "110295-3782.csv"), [tableHeader, ...tableRows, ["A5", "control", "x", "1"]].map((r) => r.join(";")).join("\n") + "\n");
      const out = join(dir, "out");
      expect(await cli(out, "estimate", "--table", join(dir, "110295-3782.csv"), "--treatment", "arm", "--outcomes", "y", "--permutations", "0", "--out", out)).toBe(1);
      expect(captured).toContain("(a name that looks like a CPR number) line 6, column 'y'");
    });
  });
});
