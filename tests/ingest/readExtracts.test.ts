/**
 * readExtracts on the release fixture (population, long benefit weeks and six other extracts):
 * the population first whatever its place in the spec, every extract finished in the spec's order,
 * a missing optional file warned about, an empty one stopped on, and the caller's steps run over
 * exactly the extracts read on this thread while the benefit weeks are read on the worker thread.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openExtract } from "../../pipeline/io/openExtract.ts";
import type { ExtractSource, IngestInput } from "../../src/ingest/index.ts";
import { BenefitPanel } from "../../src/ingest/benefitPanel.ts";
import { parseBenefitCodes } from "../../src/ingest/parseBenefitCodes.ts";
import { parseDate } from "../../src/ingest/parseValue.ts";
import { readExtracts, type ReadSteps } from "../../src/ingest/readExtracts.ts";
import type { RawRow } from "../../src/ingest/schema.ts";
import { flattenRows } from "../../src/shared/flattenRows.ts";
import { StopRun, type Issue } from "../../src/shared/issues.ts";
import { parseSpec } from "../../src/spec/parseSpec.ts";
import type { EvaluationSpec } from "../../src/spec/schema.ts";

const folder = "fixtures/release";

/** The release spec (its extracts in the order `order` gives, when given), opened as the runner opens it. */
async function releaseInput(options: { order?: readonly string[]; benefitThread?: "always" | "never"; sources?: (sources: Record<string, ExtractSource | null>) => void } = {}): Promise<{ input: IngestInput; finished: string[] }> {
  const parsed = parseSpec(JSON.parse(readFileSync(join(folder, "spec.json"), "utf8")));
  if (!("spec" in parsed)) throw new Error("the release spec does not parse");
  const declared = parsed.spec;
  const names = options.order ?? Object.keys(declared.extracts);
  const extracts: EvaluationSpec["extracts"] = Object.fromEntries(names.map((name) => [name, declared.extracts[name]!]));
  const sources: Record<string, ExtractSource | null> = {};
  for (const [name, extract] of Object.entries(extracts)) {
    const opened = await openExtract(join(folder, extract.file), extract.file, { dialect: {}, kind: extract.kind, columns: extract.columns, dateFormat: extract.dateFormat, monthFormat: extract.monthFormat });
    sources[name] = { file: extract.file, dialect: opened.dialect, rows: opened.rows, ...(opened.bytes ? { bytes: opened.bytes, bytesPath: opened.bytesPath!, bytesSize: opened.bytesSize! } : {}) };
    if (opened.dateFormat !== undefined) extracts[name] = { ...extract, dateFormat: opened.dateFormat };
  }
  options.sources?.(sources);
  const codesFile = join(folder, declared.benefitCodes!.file);
  const codes = await openExtract(codesFile, "codes.csv", { dialect: {} });
  const finished: string[] = [];
  const input: IngestInput = {
    spec: { ...declared, extracts },
    asOf: parseDate(declared.asOf!, "iso")!,
    sources,
    benefitCodes: await parseBenefitCodes(flattenRows(codes.rows), "codes.csv", declared.benefitCodes!.absentGroup),
    files: { persons: "persons.csv", outcomes: "outcomes.csv", outcomeStatus: "status.csv", quarantine: (n) => `quarantine/${n}.csv` },
    shownQuarantineFile: (n) => `quarantine/${n}.csv`,
    benefitThread: options.benefitThread ?? "never",
    onExtractDone: (name) => finished.push(name),
  };
  return { input, finished };
}

/** Steps that record what they were given: the persons the panel is made for, and the extracts read while the thread reads. */
function recordingSteps(input: IngestInput) {
  const seen = { panelPersons: -1, shared: null as boolean | null, whileThreadReads: null as string[] | null };
  const steps: ReadSteps<string[]> = {
    panelFor: (people, shared) => {
      seen.panelPersons = people.length;
      seen.shared = shared;
      const groups = [...new Set(input.benefitCodes!.groupOfCode.values())].sort();
      return new BenefitPanel(people.map((p) => p.personId), parseDate("2015-01-05", "iso")!, input.asOf, groups, shared ? "new" : false);
    },
    whileThreadReads: (read) => (seen.whileThreadReads = [...read.keys()]),
  };
  return { steps, seen };
}

const ALL = ["population", "benefits", "contacts", "checklist", "paid_hours", "education", "convictions", "releases"];

describe("readExtracts", () => {
  it("reads the population first though the spec names it last, then the others in the spec's order", async () => {
    const order = [...ALL.slice(1), "population"];
    const { input, finished } = await releaseInput({ order });
    const { steps, seen } = recordingSteps(input);
    const read = await readExtracts(input, [], steps);
    expect(finished).toEqual(["population", ...ALL.slice(1)]);
    expect([...read.results.keys()]).toEqual(["population", ...ALL.slice(1)]);
    // The release population: 100 persons (fixtures/release/population.csv), all accepted, the panel made for them.
    expect(seen.panelPersons).toBe(read.results.get("population")!.records.length);
    expect(seen.panelPersons).toBe(100);
    expect([seen.shared, read.early, read.populationEmpty]).toEqual([false, null, null]);
    expect(read.results.get("benefits")!.rowsAccepted).toBe(3622);
  });

  it("warns about an optional extract whose file is missing, and reads on", async () => {
    const { input, finished } = await releaseInput({ sources: (s) => void (s.checklist = null) });
    const warnings: Issue[] = [];
    const read = await readExtracts(input, warnings, recordingSteps(input).steps);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([["extract_optional_missing", ["extracts", "checklist"]]]);
    expect(finished).toEqual(ALL.filter((n) => n !== "checklist"));
    expect(read.results.has("checklist")).toBe(false);
  });

  it("stops on an extract with a header and no rows, after finishing the extracts before it", async () => {
    async function* headerOnly(): AsyncGenerator<RawRow> {
      yield { line: 1, fields: ["PersonNøgle", "Kontaktdato"] };
    }
    const { input, finished } = await releaseInput({ sources: (s) => void (s.contacts = { ...s.contacts!, rows: headerOnly(), bytes: undefined, bytesPath: undefined } as unknown as ExtractSource) });
    const stop = await readExtracts(input, [], recordingSteps(input).steps).catch((error: unknown) => error);
    expect(stop).toBeInstanceOf(StopRun);
    expect((stop as StopRun).issues.map((i) => [i.code, i.path])).toEqual([["extract_no_rows", ["extracts", "contacts"]]]);
    expect(finished).toEqual(["population", "benefits", "contacts"]);
  });

  it("on the worker thread, runs the caller's steps over every extract but the benefit weeks, and finishes all in order", async () => {
    const { input, finished } = await releaseInput({ benefitThread: "always" });
    const { steps, seen } = recordingSteps(input);
    const read = await readExtracts(input, [], steps);
    expect(seen.shared).toBe(true);
    expect(seen.whileThreadReads).toEqual(ALL.filter((n) => n !== "benefits"));
    expect(read.early).toEqual(seen.whileThreadReads);
    expect(finished).toEqual(ALL);
    expect(read.results.get("benefits")!.rowsAccepted).toBe(3622);
  });
});
