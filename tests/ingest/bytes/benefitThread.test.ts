/**
 * The benefit weeks read on a worker thread (benefitThread.ts) against the same ingest on one
 * thread: the release fixture as shipped, with damaged benefit rows (unknown codes, repeats,
 * conflicts, persons outside the population), and with a CPR-like cell
 * (the same stop). Every output of ingest — artefact, CSVs, quarantine, blocking issues — is the same.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openExtract } from "../../../pipeline/io/openExtract.ts";
import { run, type ExtractSource, type IngestInput } from "../../../src/ingest/index.ts";
import { parseBenefitCodes } from "../../../src/ingest/parseBenefitCodes.ts";
import { flattenRows } from "../../../src/shared/flattenRows.ts";
import { parseDate } from "../../../src/ingest/parseValue.ts";
import { StopRun } from "../../../src/shared/issues.ts";
import { parseSpec } from "../../../src/spec/parseSpec.ts";
import type { EvaluationSpec } from "../../../src/spec/schema.ts";

const dir = mkdtempSync(join(tmpdir(), "effekt-benefit-thread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The release fixture in a folder of its own, its benefit file replaced when given. */
function releaseCopy(name: string, benefits?: (text: string) => string): string {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of readdirSync("fixtures/release")) copyFileSync(join("fixtures/release", file), join(folder, file));
  copyFileSync("fixtures/codes/benefit-groups.csv", join(folder, "codes.csv"));
  const spec = JSON.parse(readFileSync(join(folder, "spec.json"), "utf8"));
  spec.benefitCodes.file = "codes.csv";
  writeFileSync(join(folder, "spec.json"), JSON.stringify(spec));
  if (benefits) writeFileSync(join(folder, "benefits.csv"), benefits(readFileSync(join(folder, "benefits.csv"), "utf8")));
  return folder;
}

async function ingestWith(folder: string, benefitThread: "always" | "never", patch: (spec: EvaluationSpec) => EvaluationSpec = (s) => s): Promise<unknown> {
  const parsed = parseSpec(JSON.parse(readFileSync(join(folder, "spec.json"), "utf8")));
  if (!("spec" in parsed)) throw new Error("the release spec does not parse");
  const spec = patch(parsed.spec);
  const sources: Record<string, ExtractSource | null> = {};
  const extracts = { ...spec.extracts };
  for (const [name, extract] of Object.entries(spec.extracts)) {
    const opened = await openExtract(join(folder, extract.file), extract.file, { dialect: {}, kind: extract.kind, columns: extract.columns, dateFormat: extract.dateFormat, monthFormat: extract.monthFormat });
    sources[name] = { file: extract.file, dialect: opened.dialect, rows: opened.rows, ...(opened.bytes ? { bytes: opened.bytes, bytesPath: opened.bytesPath!, bytesSize: opened.bytesSize! } : {}) };
    if (opened.dateFormat !== undefined) extracts[name] = { ...extract, dateFormat: opened.dateFormat };
  }
  if (benefitThread === "always") expect(sources.benefits!.bytesPath, "the fast reader reads the benefit file").toBeDefined();
  const codes = await openExtract(join(folder, spec.benefitCodes!.file), spec.benefitCodes!.file, { dialect: {} });
  const input: IngestInput = {
    spec: { ...spec, extracts },
    asOf: parseDate(spec.asOf!, "iso")!,
    sources,
    benefitCodes: await parseBenefitCodes(flattenRows(codes.rows), "codes.csv", spec.benefitCodes!.absentGroup),
    files: { persons: "persons.csv", outcomes: "outcomes.csv", outcomeStatus: "status.csv", quarantine: (n) => `quarantine/${n}.csv`, triggers: "triggers.csv" },
    shownQuarantineFile: (n) => `quarantine/${n}.csv`,
    benefitThread,
    onExtractDone: (name) => finished.push(name),
  };
  const finished: string[] = [];
  try {
    return { output: await run(input), finished };
  } catch (error) {
    if (error instanceof StopRun) return { stop: error.issues, finished };
    throw error;
  }
}

async function expectSameOnBothThreads(folder: string, patch?: (spec: EvaluationSpec) => EvaluationSpec): Promise<unknown> {
  const alone = await ingestWith(folder, "never", patch);
  const threaded = await ingestWith(folder, "always", patch);
  expect(threaded).toEqual(alone);
  return alone;
}

describe("ingest with the benefit weeks on a worker thread", () => {
  it("gives the same outputs as on one thread: the release fixture as shipped", async () => {
    const { output, finished } = (await expectSameOnBothThreads(releaseCopy("shipped"))) as { output: { artefact: { extracts: { name: string; rowsAccepted: number }[] } }; finished: string[] };
    expect(output.artefact.extracts.find((e) => e.name === "benefits")!.rowsAccepted).toBe(3622);
    // Finished in the spec's order, the population first.
    expect(finished).toEqual(["population", "benefits", "contacts", "checklist", "paid_hours", "education", "convictions", "releases"]);
  });

  it("…with unknown codes, repeats, conflicts and persons outside the population in the benefit file", async () => {
    const folder = releaseCopy("damaged", (text) => {
      const lines = text.trimEnd().split("\n");
      const body = lines.slice(1);
      return [lines[0], ...body.slice(0, 400), "LR9999;2025-W10;130", body[3]!, body[5]!.replace(/;\d+$/, ";999"), body[7]!.replace(/;(\d+)$/, (_, c) => `;${c === "130" ? "134" : "130"}`), ...body.slice(400)].join("\n") + "\n";
    });
    const { output } = (await expectSameOnBothThreads(folder)) as { output: { quarantine: Record<string, { rule: string }[]> } };
    expect(output.quarantine.benefits!.map((q) => q.rule).sort()).toEqual(["conflicting_rows", "duplicate_row", "person_not_in_population", "unknown_benefit_code"]);
  });

  it("…in the wide layout (DREAM's y_yyww columns), the same weeks as the long file", async () => {
    const folder = releaseCopy("wide");
    const [header, ...rows] = readFileSync(join(folder, "benefits.csv"), "utf8").trimEnd().split("\n");
    expect(header).toBe("PersonNøgle;Uge;Ydelseskode");
    const byPerson = new Map<string, Map<string, string>>();
    const weeks = new Set<string>();
    for (const row of rows) {
      const [person, week, code] = row.split(";") as [string, string, string];
      const yyww = `${week.slice(2, 4)}${week.slice(6, 8)}`;
      weeks.add(yyww);
      byPerson.set(person, (byPerson.get(person) ?? new Map()).set(yyww, code));
    }
    const columns = [...weeks].sort();
    const wide = [["PersonNøgle", ...columns.map((w) => `y_${w}`)].join(";"), ...[...byPerson].map(([person, codes]) => [person, ...columns.map((w) => codes.get(w) ?? "")].join(";"))];
    writeFileSync(join(folder, "benefits_wide.csv"), wide.join("\n") + "\n");
    const toWide = (spec: EvaluationSpec): EvaluationSpec => ({ ...spec, extracts: { ...spec.extracts, benefits: { ...spec.extracts.benefits!, kind: "benefit_weeks_wide", file: "benefits_wide.csv", columns: { personId: "PersonNøgle" } } } });
    const { output } = (await expectSameOnBothThreads(folder, toWide)) as { output: { artefact: { extracts: { name: string; recordsAccepted: number }[] } } };
    expect(output.artefact.extracts.find((e) => e.name === "benefits")!.recordsAccepted).toBe(rows.length);
  });

  it("…and the same stop when a benefit cell looks like a CPR number", async () => {
    const folder = releaseCopy("cpr", (text) => text.replace("LR0001;2025-W04;130", "LR0001;2025-W04;0101901234"));
    const output = (await expectSameOnBothThreads(folder)) as { stop: { code: string }[] };
    expect(output.stop.map((i) => i.code)).toEqual(["cpr_refused"]);
  });

  it("…and a benefit file the byte reader does not take whole (another column) is read here, in its place: the same order and the same first stop", async () => {
    // benefits after contacts in the spec, contacts header-only (extract_no_rows), a CPR-like benefit cell: the first stop is contacts'.
    const folder = releaseCopy("not-whole", (text) => text.replace(/\n/g, ";x\n").replace("LR0001;2025-W04;130;x", "LR0001;2025-W04;0101901234;x"));
    writeFileSync(join(folder, "contacts.csv"), readFileSync(join(folder, "contacts.csv"), "utf8").split("\n")[0] + "\n");
    const reorder = (spec: EvaluationSpec): EvaluationSpec => {
      const { population, contacts, benefits, ...rest } = spec.extracts;
      return { ...spec, extracts: { population: population!, contacts: contacts!, benefits: benefits!, ...rest } };
    };
    const output = (await expectSameOnBothThreads(folder, reorder)) as { stop: { code: string }[]; finished: string[] };
    expect(output.stop.map((i) => i.code)).toEqual(["extract_no_rows"]);
    expect(output.finished).toEqual(["population", "contacts"]);
  });

  it("a record extract with a declared day-first date format is checked on its rows (not read from the bytes), so a contradicting date stops the run", async () => {
    const folder = releaseCopy("declared");
    writeFileSync(join(folder, "convictions.csv"), "PersonNøgle;Afgørelsesdato\nLR0003;03/08/2026\nLR0004;12/25/2025\n");
    const dayFirst = (spec: EvaluationSpec): EvaluationSpec => ({ ...spec, extracts: { ...spec.extracts, convictions: { ...spec.extracts.convictions!, dateFormat: "dd/mm/yyyy" } } });
    const output = (await expectSameOnBothThreads(folder, dayFirst)) as { stop: { code: string }[] };
    expect(output.stop.map((i) => i.code)).toEqual(["date_format_contradicted"]);
  });
});
