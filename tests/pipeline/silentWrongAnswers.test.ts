/**
 * Issue 14's catalogue of silent wrong answers: one test per numbered problem (1–6, 8), each run
 * through the ingest (and assign) stage on a small hand-written extract. Every expected value is
 * worked out by hand in the comments; each test failed on the commit before the fix.
 *
 * The base case: a paid-hours outcome over 6 months from start. P01 starts 2022-01-10, so its
 * window is [2022-01-10, 2022-07-10): the months whose first day lies in it are Feb–Jul 2022.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runStage } from "../../pipeline/run.ts";

const log = () => {};
type Rows = Record<string, string>[];

interface Case {
  readonly population?: string;
  readonly hours: string;
  readonly asOf?: string;
  readonly hoursSpec?: Record<string, unknown>;
  readonly spec?: Record<string, unknown>;
}

const PERSONS = ["P01", "P02", "P03", "P04"];
const population = (ids = PERSONS, start = "2022-01-10") => ["personId,birthDate,sex,startDate", ...ids.map((id) => `${id},2000-05-01,female,${start}`)].join("\n") + "\n";
/** Semicolon-separated with decimal commas, as Danish exports are: 10 hours every month of 2022 for each person. */
const hoursRows = (ids = PERSONS, months = 12) => ids.flatMap((id) => Array.from({ length: months }, (_, m) => `${id};2022-${String(m + 1).padStart(2, "0")};10`));
const hoursFile = (lines: readonly string[]) => ["personId;month;hours", ...lines].join("\n") + "\n";

function writeCase(c: Case): { dir: string; spec: string } {
  const dir = mkdtempSync(join(tmpdir(), "effekt-silent-"));
  writeFileSync(join(dir, "population.csv"), c.population ?? population());
  writeFileSync(join(dir, "hours.csv"), c.hours);
  const spec = {
    name: "silent",
    asOf: c.asOf ?? "2023-06-30",
    enrolment: { from: "2022-01-01", to: "2022-12-31" },
    extracts: {
      population: { kind: "population", file: "population.csv" },
      hours: { kind: "paid_hours_monthly", file: "hours.csv", ...c.hoursSpec },
    },
    quarantine: { maxShare: 0.5 },
    outcomes: [{ id: "hours_6m", kind: "paid_hours", windowMonths: 6 }],
    ...c.spec,
  };
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  return { dir, spec: join(dir, "spec.json") };
}

async function ingest(c: Case) {
  const { dir, spec } = writeCase(c);
  const out = join(dir, "out");
  await runStage("ingest", { specPath: spec, outDir: out, log });
  const table = (file: string) => parse(readFileSync(join(out, file), "utf8"), { columns: true }) as Rows;
  const byPerson = (rows: Rows) => Object.fromEntries(rows.map((r) => [r.personId!, r.hours_6m!]));
  return {
    out,
    spec,
    artefact: JSON.parse(readFileSync(join(out, "ingest.json"), "utf8")),
    status: byPerson(table("work/outcome-status.csv")),
    value: byPerson(table("work/outcomes.csv")),
    quarantine: table("work/quarantine/hours.csv"),
  };
}

describe("silent wrong answers (issue 14)", () => {
  it("1. a quarantined row inside a window makes it incomplete with no value, not a sum that lacks the row", async () => {
    const lines = hoursRows();
    lines[2] = "P01;2022-03;ca. 10"; // line 4: P01's March, inside its window
    lines[12 + 9] = "P02;2022-10;11,6 t"; // line 23: P02's October, outside its window
    const run = await ingest({ hours: hoursFile(lines) });
    expect(run.quarantine.map((q) => `${q.line}:${q.rule}`)).toEqual(["4:invalid_number", "23:invalid_number"]);
    expect(run.status.P01).toBe("incomplete:quarantined_row");
    expect(run.value.P01).toBe(""); // not 50
    expect(run.status.P02).toBe("observed");
    expect(run.value.P02).toBe("60"); // 6 months × 10 hours
    const outcome = run.artefact.outcomes[0];
    expect([outcome.observed, outcome.incomplete, outcome.incompleteByReason]).toEqual([3, 1, { quarantined_row: 1 }]);
  });

  it("1. a rejected row whose person id cannot be read could be anyone's: every window holding its month is incomplete, and a warning says so", async () => {
    const lines = [...hoursRows(["P01", "P02"]), "P 03;2022-04;10"]; // an id with a space: the month is still readable
    const run = await ingest({ hours: hoursFile(lines), population: population(["P01", "P02"]) });
    expect(run.status).toEqual({ P01: "incomplete:quarantined_row", P02: "incomplete:quarantined_row" });
    expect(run.artefact.warnings.map((w: { code: string }) => w.code)).toContain("rows_without_person");
  });

  it("1. onRejectedRow \"ignore\" takes a rejected row as absent, and the run says so", async () => {
    const lines = hoursRows(["P01"]);
    lines[2] = "P01;2022-03;ca. 10";
    const run = await ingest({ hours: hoursFile(lines), population: population(["P01"]), hoursSpec: { onRejectedRow: "ignore" } });
    expect([run.status.P01, run.value.P01]).toEqual(["observed", "50"]); // Feb, Apr–Jul: 5 × 10, as asked
    expect(run.artefact.warnings.map((w: { code: string }) => w.code)).toContain("rejected_rows_ignored");
    expect(run.artefact.extracts.find((e: { name: string }) => e.name === "hours").onRejectedRow).toBe("ignore");
    await runStage("report", { specPath: run.spec, outDir: run.out, log });
    const html = readFileSync(join(run.out, "report/report.html"), "utf8");
    // The extract is named in words (its title, else its kind), never by its id "hours" (#27).
    expect(html).toContain("Afviste rækker regnes som fraværende (sådan siger analyseplanen for disse udtræk) i: ");
    expect(html).not.toContain("udtræk) i: hours");
  });

  it("2. an as-of date past an extract's coverage censors the windows that run past it (extract_coverage) and warns", async () => {
    // Hours end in 2022-12 (inferred coverage to 2022-12-31), the as-of date is 2023-12-31. P01 (start 2022-01-10):
    // months Feb–Jul 2022 are covered (observed); its 12-month window [2022-01-10, 2023-01-10) holds January 2023
    // (censored). P02 (start 2022-09-01): its 6-month window holds Jan and Feb 2023 — before the fix, 0 hours each.
    const pop = ["personId,birthDate,sex,startDate", "P01,2000-05-01,female,2022-01-10", "P02,2000-05-01,female,2022-09-01"].join("\n") + "\n";
    const run = await ingest({
      population: pop,
      hours: hoursFile(hoursRows(["P01", "P02"])),
      asOf: "2023-12-31",
      spec: { outcomes: [{ id: "hours_6m", kind: "paid_hours", windowMonths: 6 }, { id: "hours_12m", kind: "paid_hours", windowMonths: 12 }] },
    });
    const status12 = parse(readFileSync(join(run.out, "work/outcome-status.csv"), "utf8"), { columns: true }) as Rows;
    expect(status12.map((r) => `${r.personId}:${r.hours_6m}:${r.hours_12m}`)).toEqual(["P01:observed:censored:extract_coverage", "P02:censored:extract_coverage:censored:extract_coverage"]);
    const hours = run.artefact.extracts.find((e: { name: string }) => e.name === "hours");
    expect(hours.coverage).toEqual({ from: null, to: "2022-12-31", source: "inferred", firstRow: "2022-01-01" });
    expect(run.artefact.warnings.map((w: { code: string }) => w.code)).toContain("as_of_beyond_coverage");
  });

  it("2. the same for benefit weeks, job-centre contacts and convictions", async () => {
    const { dir, spec } = writeCase({ hours: hoursFile(hoursRows(["P01", "P02"])), population: population(["P01", "P02"]), asOf: "2023-12-31" });
    const weeks = Array.from({ length: 52 }, (_, w) => `P01,2022-W${String(w + 1).padStart(2, "0")},134`);
    writeFileSync(join(dir, "benefits.csv"), ["personId,week,code", ...weeks].join("\n") + "\n"); // to Sunday 2023-01-01
    writeFileSync(join(dir, "contacts.csv"), "personId,date\nP02,2022-03-01\n"); // to 2022-03-01
    writeFileSync(join(dir, "convictions.csv"), "personId,date\nP02,2022-01-20\nP02,2022-06-30\n"); // to 2022-06-30
    const base = JSON.parse(readFileSync(spec, "utf8"));
    base.extracts.benefits = { kind: "benefit_weeks_long", file: "benefits.csv" };
    base.extracts.contacts = { kind: "jobcentre_contacts", file: "contacts.csv" };
    base.extracts.convictions = { kind: "convictions", file: "convictions.csv" };
    base.benefitCodes = { file: join(process.cwd(), "fixtures/codes/benefit-groups.csv") };
    base.outcomes = [
      { id: "support_18m", kind: "days_on_public_support", windowMonths: 18 }, // [2022-01-10, 2023-07-10): past 2023-01-01
      { id: "first_contact", kind: "days_to_first_contact" }, // P01 has none up to 2022-03-01, where the extract ends
      { id: "convictions_12m", kind: "convictions_per_person_year", windowMonths: 12 },
    ];
    writeFileSync(spec, JSON.stringify(base));
    const out = join(dir, "out");
    await runStage("ingest", { specPath: spec, outDir: out, log });
    const status = (parse(readFileSync(join(out, "work/outcome-status.csv"), "utf8"), { columns: true }) as Rows)[0]!;
    expect([status.support_18m, status.first_contact]).toEqual(["censored:extract_coverage", "censored:extract_coverage"]);
    // Convictions: P01's exposure is [2022-01-10, 2022-07-01) = 172 days, not the whole year of 365 days.
    const values = (parse(readFileSync(join(out, "work/outcomes.csv"), "utf8"), { columns: true }) as Rows)[0]!;
    expect([values.convictions_12m, Number(values.convictions_12m_exposure_years)]).toEqual(["0", 172 / 365.25]);
  });

  it("2. a declared coverage is used as declared", async () => {
    const run = await ingest({ hours: hoursFile(hoursRows()), hoursSpec: { coverage: { from: "2022-02", to: "2022-06" } } });
    // Windows need Feb–Jul 2022; the declared coverage ends 2022-06-30.
    expect(Object.values(run.status)).toEqual(["censored:extract_coverage", "censored:extract_coverage", "censored:extract_coverage", "censored:extract_coverage"]);
  });

  it("3. a header-only extract or population stops the run instead of giving everybody 0", async () => {
    await expect(ingest({ hours: hoursFile([]) })).rejects.toThrow(/extract 'hours' has a header but no data rows/);
    await expect(ingest({ hours: hoursFile(hoursRows()), population: "personId,birthDate,sex,startDate\n" })).rejects.toThrow(/extract 'population' has a header but no data rows/);
    // Declared empty, with its coverage: everyone truly had 0 hours.
    const empty = await ingest({ hours: hoursFile([]), hoursSpec: { allowEmpty: true, coverage: { from: "2022-01-01", to: "2022-12-31" } } });
    expect(empty.value).toEqual({ P01: "0", P02: "0", P03: "0", P04: "0" });
  });

  it("4. an exact duplicate row is quarantined and counted once; conflicting rows make the window incomplete", async () => {
    const lines = hoursRows(["P01", "P02"]);
    lines.splice(3, 0, "P01;2022-03;10"); // line 5 repeats line 4 exactly
    lines.push("P02;2022-03;20"); // the last line: P02's March again with other hours
    const run = await ingest({ hours: hoursFile(lines), population: population(["P01", "P02"]) });
    expect(run.quarantine.map((q) => `${q.line}:${q.rule}:${q.message}`)).toEqual([
      "5:duplicate_row:repeats line 4 exactly; counted once",
      "27:conflicting_rows:same person and period as line 17 with other values; the outcomes that read it are incomplete",
    ]);
    expect(run.value.P01).toBe("60"); // not 70
    expect(run.status.P02).toBe("incomplete:conflicting_rows");
  });

  it("4. a person listed twice in the population with other start dates is excluded; an identical repeat is counted once", async () => {
    const pop = population(["P01", "P02", "P03"]) + "P02,2000-05-01,female,2022-03-01\nP03,2000-05-01,female,2022-01-10\n";
    const run = await ingest({ hours: hoursFile(hoursRows(["P01", "P02", "P03"])), population: pop });
    expect(Object.keys(run.status)).toEqual(["P01", "P03"]);
    const populationSummary = run.artefact.extracts.find((e: { name: string }) => e.name === "population");
    expect(populationSummary.persons).toEqual({ read: 3, accepted: 2, excludedByRule: { conflicting_rows: 1 } });
    expect(populationSummary.issuesByRule).toEqual({ conflicting_rows: 2, duplicate_row: 1 });
    // P02's 12 hours rows are not dropped: quarantined, saying why P02 is not in the population.
    const p02 = run.quarantine.filter((q) => q.value === "P02");
    expect(p02.map((q) => q.rule)).toEqual(Array(12).fill("person_not_in_population"));
    expect(p02[0]!.message).toMatch(/population row was rejected/);
  });

  it("5. rows for persons not in the population are quarantined with their line, apart from invalid rows and not toward the stop", async () => {
    // 12 of 16 rows belong to Z01 and Z02 (one of them also invalid): 75 % of the file and more than the
    // default minRows of 10, so counted as rejected rows they would stop the run at maxShare 0.02.
    const lines = [...hoursRows(["P01"], 4), ...hoursRows(["Z01"], 11), "Z02;2022-02;x"];
    const run = await ingest({ hours: hoursFile(lines), population: population(["P01"]), spec: { quarantine: { maxShare: 0.02 } } });
    expect(run.quarantine.map((q) => `${q.line}:${q.rule}`)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 6}:person_not_in_population`));
    const hours = run.artefact.extracts.find((e: { name: string }) => e.name === "hours");
    expect([hours.rowsRead, hours.rowsAccepted, hours.rowsQuarantined, hours.rowsRejected, hours.rowsForPersonsNotInPopulation, hours.personsNotInPopulation]).toEqual([16, 4, 12, 0, 12, 2]);
  });

  it("6. implausible values are rejected: 99999999999999999999999 hours (more than 15 digits) and 1.234,5 hours in one month (at most 744)", async () => {
    const lines = hoursRows(["P01", "P02"]);
    lines[2] = "P01;2022-03;99999999999999999999999";
    lines[12 + 2] = "P02;2022-03;1.234,5";
    const run = await ingest({ hours: hoursFile(lines), population: population(["P01", "P02"]) });
    expect(run.quarantine.map((q) => `${q.line}:${q.rule}`)).toEqual(["4:too_many_digits", "16:implausible_value"]);
    expect(run.status).toEqual({ P01: "incomplete:quarantined_row", P02: "incomplete:quarantined_row" });
    // The bound is the spec's to move: at most 2000 hours accepts 1.234,5 (P02: 5 × 10 + 1234.5 = 1284.5).
    const moved = await ingest({ hours: hoursFile(lines), population: population(["P01", "P02"]), hoursSpec: { bounds: { hours: { max: 2000 } } } });
    expect(moved.value.P02).toBe("1284.5");
  });

  it("8. CONSORT 'assessed' counts distinct persons, and a rejected row of a randomised person is no exclusion", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`);
    // 64 rows for 61 persons: P01 and P02 repeated exactly; P61 twice with other start dates (excluded).
    const pop = population(ids) + "P01,2000-05-01,female,2022-01-10\nP02,2000-05-01,female,2022-01-10\nP61,2000-05-01,female,2022-01-10\nP61,2000-05-01,female,2022-02-10\n";
    const { dir, spec } = writeCase({ population: pop, hours: hoursFile(hoursRows(ids)), spec: { assignment: { mode: "randomise", seed: 7, batches: "none" } } });
    const out = join(dir, "out");
    await runStage("ingest", { specPath: spec, outDir: out, log });
    await runStage("assign", { specPath: spec, outDir: out, log });
    const consort = JSON.parse(readFileSync(join(out, "assignment.json"), "utf8")).consort;
    expect(consort.assessed).toBe(61);
    expect(consort.excluded).toEqual({ total: 1, byRule: { conflicting_rows: 1 } });
    expect(consort.arms.map((a: { randomised: number }) => a.randomised)).toEqual([30, 30]);
    // The reason is on the report's CONSORT (the count itself is below 5, so suppressed).
    await runStage("report", { specPath: spec, outDir: out, log });
    const consortCsv = parse(readFileSync(join(out, "report/consort.csv"), "utf8"), { columns: true }) as Rows;
    // 61 assessed − 30 − 30 randomised (published regardless) would give the one excluded person back: the 61 is hidden.
    expect(consortCsv.slice(0, 3).map((r) => `${r.n}`)).toEqual(["x", "<5", "<5"]);
    expect(consortCsv[2]).toMatchObject({ stage: "excluded:conflicting_rows" });
    expect(consortCsv[2]!.stage_label).toMatch(/modstridende rækker$/); // the rule conflicting_rows, in words
  });
});
