/**
 * Silent wrong answers on the input side (issue 14, input-format half), one test per
 * item, each failing on the code before this branch: .xlsx, UTF-16, Excel's sep= line,
 * binary files and folders, line numbers after a quoted CRLF, date formats detected
 * (and a wrong declaration caught), and the quarantine stop that says what to fix.
 * The same population is written in each format; work/persons.csv must come out
 * byte-identical to the one from the plain CSV.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { runStage } from "../../../pipeline/run.ts";
import { detectDialect, readCsvRows } from "../../../pipeline/io/readCsv.ts";
import { rowsOfExtract } from "../../../pipeline/io/scanCsv.ts";
import { IngestArtefact, type RawRow } from "../../../src/ingest/schema.ts";
import { StopRun } from "../../../src/shared/issues.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-formats-"));
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

/** Five persons, written by hand: id, birth date, sex, start date, target group (dd-mm-yyyy). */
const PEOPLE = [
  ["P01", "13-02-1994", "K", "03-10-2021", "Uddannelseshjælp"],
  ["P02", "28-09-1995", "M", "15-11-2021", "Kontanthjælp"],
  ["P03", "01-01-2000", "K", "20-12-2021", "Uddannelseshjælp"],
  ["P04", "30-06-1998", "M", "17-01-2022", "Ledighedsydelse"],
  ["P05", "05-05-1997", "K", "14-02-2022", "Kontanthjælp"],
] as const;
const HEADER = ["PersonNøgle", "Fødselsdato", "Køn", "Startdato", "Målgruppe"];
const csvText = (eol = "\r\n", delimiter = ";") => [HEADER, ...PEOPLE].map((r) => r.join(delimiter)).join(eol) + eol;
const utcDate = (ddmmyyyy: string) => {
  const [d, m, y] = ddmmyyyy.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** A spec reading `population` (any file) and a small convictions CSV beside it. */
function specFor(dir: string, populationFile: string, population: Record<string, unknown> = {}): string {
  writeFileSync(join(dir, "convictions.csv"), "PNR,AFGOERELSESDATO\nP01,2022-06-01\nP04,2023-01-15\n");
  const spec = {
    name: "formats",
    asOf: "2024-12-31",
    enrolment: { from: "2021-10-01", to: "2023-09-30" },
    extracts: {
      population: {
        kind: "population",
        file: populationFile,
        columns: { personId: "PersonNøgle", birthDate: "Fødselsdato", sex: { column: "Køn", values: { K: "female", M: "male" } }, startDate: "Startdato", targetGroup: "Målgruppe" },
        ...population,
      },
      convictions: { kind: "convictions", file: "convictions.csv", dateFormat: "iso", columns: { personId: "PNR", date: "AFGOERELSESDATO" } },
    },
    quarantine: { maxShare: 0.5 },
    outcomes: [{ id: "convictions_per_year_12m", kind: "convictions_per_person_year", windowMonths: 12 }],
  };
  const path = join(dir, "spec.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

async function ingest(specPath: string): Promise<{ out: string; artefact: IngestArtefact }> {
  const out = join(specPath, "..", "out");
  await runStage("ingest", { specPath, outDir: out, log });
  return { out, artefact: IngestArtefact.parse(JSON.parse(read(out, "ingest.json"))) };
}

async function stopOf(specPath: string): Promise<string> {
  try {
    await ingest(specPath);
  } catch (error) {
    if (error instanceof StopRun) return error.issues.map((i) => `${i.file ?? ""} line ${i.line ?? ""} column ${i.column ?? ""}: ${i.message}`).join("\n");
    throw error;
  }
  return "no stop";
}

/** The reference: the population as a plain ;-separated CSV with the date format declared. */
async function referencePersons(): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, "population.csv"), csvText());
  const { out } = await ingest(specFor(dir, "population.csv", { dateFormat: "dd-mm-yyyy" }));
  return read(out, "work/persons.csv");
}

const effekt = (...args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", ...args], { encoding: "utf8" });

describe("1. .xlsx extracts", () => {
  it("the same population as CSV and as .xlsx (real date cells) gives identical work/persons.csv", async () => {
    const reference = await referencePersons();
    expect(reference.split("\n")[1]).toBe("P01,2021-10-03,,,,"); // start 03-10-2021 read as 3 October
    const dir = tempDir();
    const rows = [
      HEADER.map((value) => ({ value })),
      ...PEOPLE.map(([id, birth, sex, start, group]) => [
        { value: id },
        { value: utcDate(birth), type: Date, format: "dd/mm/yyyy" },
        { value: sex },
        { value: utcDate(start), type: Date, format: "d mmm yyyy" },
        { value: group },
      ]),
    ];
    await writeXlsxFile(rows as never).toFile(join(dir, "population.xlsx"));
    const { out, artefact } = await ingest(specFor(dir, "population.xlsx"));
    expect(read(out, "work/persons.csv")).toBe(reference);
    const summary = artefact.extracts.find((e) => e.name === "population")!;
    expect(summary.dialect).toMatchObject({ format: "xlsx", dateFormat: "iso" });
    expect(summary.rowsRead).toBe(5);
  });

  it("reads a named sheet; date cells follow a declared dd-mm-yyyy; text dates beside them; rows numbered as in Excel", async () => {
    const reference = await referencePersons();
    const dir = tempDir();
    const body = PEOPLE.map(([id, birth, sex, start, group], i) => [
      { value: id },
      i % 2 === 0 ? { value: utcDate(birth), type: Date, format: "yyyy-mm-dd" } : { value: birth },
      { value: sex },
      { value: utcDate(start), type: Date, format: "dd.mm.yyyy" },
      { value: group },
    ]);
    const bad = [{ value: "P06" }, { value: "ukendt" }, { value: "K" }, { value: utcDate("01-03-2022"), type: Date, format: "dd.mm.yyyy" }, { value: "x" }];
    const sheets = [
      { sheet: "Forside", data: [[{ value: "Udtræk fra fagsystemet" }]] },
      { sheet: "Borgere", data: [HEADER.map((value) => ({ value })), ...body.slice(0, 2), [null, null, null, null, null], bad, ...body.slice(2)] },
    ];
    await writeXlsxFile(sheets as never).toFile(join(dir, "population.xlsx"));
    const { out, artefact } = await ingest(specFor(dir, "population.xlsx", { sheet: "Borgere", dateFormat: "dd-mm-yyyy" }));
    expect(read(out, "work/persons.csv")).toBe(reference);
    // Sheet rows: 1 header, 2–3 persons, 4 empty, 5 the bad row.
    expect(read(out, "work/quarantine/population.csv")).toContain("population.xlsx,5,Fødselsdato,ukendt,invalid_date,");
    expect(artefact.extracts.find((e) => e.name === "population")!.dialect).toMatchObject({ format: "xlsx", sheet: "Borgere", dateFormat: "dd-mm-yyyy", detected: ["decimal"] });
  });

  it("number cells and month cells (real dates in a month column) read as the CSV's text does: identical work/outcomes.csv", async () => {
    const hours: [string, string, number][] = [["P01", "2021-10", 7.5], ["P01", "2021-11", 120.25], ["P02", "2021-12", 37], ["P04", "2022-02", 0.5]];
    const outcomesOf = async (write: (dir: string) => Promise<string>) => {
      const dir = tempDir();
      writeFileSync(join(dir, "population.csv"), csvText());
      const spec = JSON.parse(readFileSync(specFor(dir, "population.csv", { dateFormat: "dd-mm-yyyy" }), "utf8"));
      // The register covers the whole follow-up (declared: inferred from its last row it would end in 2022-02 and censor every window).
      spec.extracts.paid_hours = { kind: "paid_hours_monthly", file: await write(dir), coverage: { to: "2024-12-31" }, columns: { personId: "PNR", month: "MAANED", hours: "TIMER" } };
      spec.outcomes = [{ id: "paid_hours_12m", kind: "paid_hours", windowMonths: 12 }];
      writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
      const { out } = await ingest(join(dir, "spec.json"));
      return read(out, "work/outcomes.csv");
    };
    const fromCsv = await outcomesOf(async (dir) => {
      writeFileSync(join(dir, "hours.csv"), ["PNR;MAANED;TIMER", ...hours.map(([p, m, h]) => `${p};${m};${String(h).replace(".", ",")}`)].join("\n") + "\n");
      return "hours.csv";
    });
    const fromXlsx = await outcomesOf(async (dir) => {
      const rows = [["PNR", "MAANED", "TIMER"].map((value) => ({ value })), ...hours.map(([p, m, h]) => [{ value: p }, { value: new Date(`${m}-01T00:00:00Z`), type: Date, format: "mmm yyyy" }, { value: h, type: Number }])];
      await writeXlsxFile(rows as never).toFile(join(dir, "hours.xlsx"));
      return "hours.xlsx";
    });
    // By hand: a month counts when its first day is on or after the start (P01 starts 3 October: October is out).
    expect(fromCsv).toContain("P01,120.25\nP02,37\nP03,0\nP04,0.5\n");
    expect(fromXlsx).toBe(fromCsv);
  });

  it("a value beyond the header's last column is a wrong-length row, as in a CSV, not dropped", async () => {
    const dir = tempDir();
    const rows = [HEADER.map((value) => ({ value })), ...PEOPLE.map((p) => p.map((value) => ({ value }))), [...PEOPLE[0].map((value) => ({ value })), { value: "note" }]];
    (rows[6] as { value: string }[])[0] = { value: "P06" };
    await writeXlsxFile(rows as never).toFile(join(dir, "population.xlsx"));
    const { out } = await ingest(specFor(dir, "population.xlsx", { dateFormat: "dd-mm-yyyy" }));
    expect(read(out, "work/quarantine/population.csv")).toContain("population.xlsx,7,,");
    expect(read(out, "work/quarantine/population.csv")).toContain("wrong_column_count");
  });

  it("a missing sheet is named with how many sheets there are (their names are the workbook's content, not quoted)", async () => {
    const dir = tempDir();
    await writeXlsxFile([{ sheet: "Ark1", data: [[{ value: "a" }]] }] as never).toFile(join(dir, "population.xlsx"));
    expect(await stopOf(specFor(dir, "population.xlsx", { sheet: "Borgere" }))).toContain("no sheet 'Borgere' (it has 1 sheet, named as the workbook shows them)");
  });
});

describe("2. UTF-16 with BOM (Excel's Unicode text)", () => {
  it.each(["utf-16le", "utf-16be"] as const)("%s, tab-separated, gives identical work/persons.csv", async (encoding) => {
    const reference = await referencePersons();
    const dir = tempDir();
    const le = Buffer.from("\ufeff" + csvText("\r\n", "\t"), "utf16le");
    const bytes = encoding === "utf-16le" ? le : Buffer.from(le).swap16();
    writeFileSync(join(dir, "population.txt"), bytes);
    const { out, artefact } = await ingest(specFor(dir, "population.txt"));
    expect(read(out, "work/persons.csv")).toBe(reference);
    expect(artefact.extracts.find((e) => e.name === "population")!.dialect).toMatchObject({ encoding, delimiter: "\t", dateFormat: "dd-mm-yyyy" });
  });
});

describe("3. Excel's sep= first line", () => {
  it("names the delimiter, is not the header, and lines stay physical", async () => {
    const reference = await referencePersons();
    const dir = tempDir();
    const text = "sep=,\r\n" + csvText("\r\n", ",") + "P06,31-02-1999,K,01-03-2022,x\r\n";
    writeFileSync(join(dir, "population.csv"), text);
    const { out, artefact } = await ingest(specFor(dir, "population.csv"));
    expect(read(out, "work/persons.csv")).toBe(reference);
    // Physical lines: 1 sep=, 2 header, 3–7 persons, 8 the bad row.
    expect(read(out, "work/quarantine/population.csv")).toContain("population.csv,8,Fødselsdato,31-02-1999,invalid_date,");
    expect(artefact.extracts.find((e) => e.name === "population")!.dialect).toMatchObject({ delimiter: ",", sepLine: true });
  });
});

describe("4. binary files and folders", () => {
  const cases: [string, Buffer, string][] = [
    ["zip", Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.from("\u0000\u0000secret-contents.csv\u0000P01;13-02-1994", "latin1")]), "a ZIP archive"],
    ["pdf", Buffer.from("%PDF-1.7\n%\u00e2\u00e3\nsecret-contents P01;13-02-1994\n", "latin1"), "a PDF document"],
    ["gzip", gzipSync(Buffer.from("secret-contents;P01\n")), "a gzip-compressed file"],
    ["nul", Buffer.from("PersonNøgle;x\u0000secret-contents\u0000\u0001\u0002\n", "latin1"), "a binary file (it holds NUL bytes)"],
  ];
  it.each(cases)("%s: 'this looks like …' with the file named, exit 1, and no byte of it echoed", (name, bytes, what) => {
    const dir = tempDir();
    writeFileSync(join(dir, `population.${name}`), bytes);
    const result = effekt("ingest", specFor(dir, `population.${name}`), "--out", join(dir, "out"));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain(`population.${name}`);
    expect(result.stderr).toContain(`this looks like ${what}`);
    expect(result.stderr + result.stdout).not.toMatch(/secret-contents|[\u0000-\u0008]/);
  });

  it("a folder given as the extract path is a clear error, exit 1 (not an internal error)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "population.csv"));
    const result = effekt("ingest", specFor(dir, "population.csv"), "--out", join(dir, "out"));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain("is a folder, not a file");
  });
});

describe("5. line numbers are physical lines after a quoted CRLF", () => {
  const collect = async (rows: AsyncIterable<RawRow | RawRow[]>) => {
    const out: RawRow[] = [];
    for await (const item of rows) out.push(...(Array.isArray(item) ? item : [item]));
    return out;
  };
  it("in both readers; a record is numbered by the line it starts on", async () => {
    const dir = tempDir();
    const path = join(dir, "q.csv");
    // Physical lines: 1 header; 2–3 one record (quoted CRLF); 4 empty; 5 a record; 6–8 one record; 9 a record.
    writeFileSync(path, 'a;b\r\n1;"x\r\ny"\r\n\r\n2;z\r\n3;"w\r\n\r\nv"\r\n4;u\r\n');
    const dialect = await detectDialect(path, {});
    const expected = [1, 2, 5, 6, 9];
    expect((await collect(readCsvRows(path, "q.csv", dialect))).map((r) => r.line)).toEqual(expected);
    expect((await collect((await rowsOfExtract(path, "q.csv", dialect)).rows)).map((r) => r.line)).toEqual(expected);
  });

  it("the quarantine names the physical line of a bad row after a quoted CRLF", async () => {
    const dir = tempDir();
    const lines = csvText().split("\r\n");
    lines[2] = 'P02;28-09-1995;M;15-11-2021;"Kontant-\r\nhjælp"';
    writeFileSync(join(dir, "population.csv"), [...lines.slice(0, -1), "P06;31-02-1999;K;01-03-2022;x", ""].join("\r\n"));
    const { out } = await ingest(specFor(dir, "population.csv", { dateFormat: "dd-mm-yyyy" }));
    // 1 header, 2 P01, 3–4 P02, 5 P03, 6 P04, 7 P05, 8 the bad row.
    expect(read(out, "work/quarantine/population.csv")).toContain("population.csv,8,Fødselsdato,31-02-1999,invalid_date,");
  });

  it("the fast reader after a sep= line numbers rows as csv-parse does", async () => {
    const dir = tempDir();
    const path = join(dir, "s.csv");
    writeFileSync(path, "sep=;\na;b\n1;2\n\n3;4\n");
    const dialect = await detectDialect(path, {});
    const fast = await rowsOfExtract(path, "s.csv", dialect);
    expect(fast.fast).toBe(true);
    expect(await collect(fast.rows)).toEqual(await collect(readCsvRows(path, "s.csv", dialect)));
    expect((await collect(readCsvRows(path, "s.csv", dialect))).map((r) => r.line)).toEqual([2, 3, 5]);
  });
});

describe("7. date formats detected when the spec does not declare one", () => {
  it("dd-mm-yyyy is detected, read, and written into ingest.json beside the dialect", async () => {
    const reference = await referencePersons();
    const dir = tempDir();
    writeFileSync(join(dir, "population.csv"), csvText());
    const { out, artefact } = await ingest(specFor(dir, "population.csv"));
    expect(read(out, "work/persons.csv")).toBe(reference);
    const dialect = artefact.extracts.find((e) => e.name === "population")!.dialect!;
    expect(dialect.dateFormat).toBe("dd-mm-yyyy");
    expect(dialect.detected).toContain("dateFormat");
  });

  it("SAS DATE9 and ddmmyyyy are detected too", async () => {
    const reference = await referencePersons();
    for (const convert of [(d: string) => d.replaceAll("-", ""), (d: string) => { const [dd, mm, yyyy] = d.split("-"); return `${dd}${["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"][Number(mm) - 1]}${yyyy}`; }]) {
      const dir = tempDir();
      writeFileSync(join(dir, "population.csv"), [HEADER, ...PEOPLE.map(([id, b, s, st, g]) => [id, convert(b), s, convert(st), g])].map((r) => r.join(";")).join("\n") + "\n");
      const { out } = await ingest(specFor(dir, "population.csv"));
      expect(read(out, "work/persons.csv")).toBe(reference);
    }
  });

  it("an ambiguous column (every day 12 or less, with '/') stops and says what to declare", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "population.csv"), "PersonNøgle;Fødselsdato;Køn;Startdato;Målgruppe\nP01;03/04/1994;K;03/11/2021;x\nP02;05/06/1995;M;01/12/2021;x\n");
    const message = await stopOf(specFor(dir, "population.csv"));
    expect(message).toContain("line 2 column Fødselsdato: the dates in column 'Fødselsdato' read as dd/mm/yyyy and as mm/dd/yyyy");
    expect(message).toContain('Declare the format for this extract, e.g. "dateFormat": "dd/mm/yyyy"');
    expect(message).toContain("mm/dd/yyyy");
  });

  it("a month-first file declared dd/mm/yyyy stops where a value proves it, instead of swapping day and month", async () => {
    const dir = tempDir();
    // Before: P02 is quarantined (no month 28) and P01 is accepted with 11/10/2021 read as 11 October, not 10 November.
    // Line 3 (a 'month' of 28) proves the column month-first.
    writeFileSync(join(dir, "population.csv"), "PersonNøgle;Fødselsdato;Køn;Startdato;Målgruppe\nP01;02/10/1994;K;11/10/2021;x\nP02;09/28/1995;M;12/01/2022;x\n");
    const message = await stopOf(specFor(dir, "population.csv", { dateFormat: "dd/mm/yyyy" }));
    expect(message).toContain("line 3 column Fødselsdato: column 'Fødselsdato' is declared \"dateFormat\": \"dd/mm/yyyy\", but this line holds a date that can only be mm/dd/yyyy");
    expect(message).toContain('Declare "dateFormat": "mm/dd/yyyy"');
  });
});

describe("8. the quarantine stop names the dominant rule, its count, two lines and the fix", () => {
  it("dd-mm-yyyy dates declared iso", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "population.csv"), csvText());
    const message = await stopOf(specFor(dir, "population.csv", { dateFormat: "iso" }));
    expect(message).toContain("5 of 5 rows quarantined");
    expect(message).toContain("'invalid_date' (5 rows, e.g. lines 2 and 3)");
    expect(message).toContain('declare "dateFormat": "dd-mm-yyyy"');
  });
});
