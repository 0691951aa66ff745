/**
 * `effekt estimate --table` as a researcher uses it, on a 0/1-coded copy of the shipped example
 * (fixtures/reference/estimate-table01.csv, written by estimate.R): no --control, a summary on
 * stdout, effects.csv beside effects.json, a categorical covariate against a named reference
 * level, missing covariate values (stop / indicator / drop), one message for a column that is
 * not what its flag says, and a near-perfect fit. The adjusted estimates are R's
 * (lm_robust / lm_lin, HC2, in estimate.json's `table01`) to 1e-8.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { estimateFromTable, type TableRunOptions } from "../../../pipeline/commands/estimateTable.ts";
import { EffectsArtefact } from "../../../src/estimate/schema.ts";
import { formatIssue, StopRun } from "../../../src/shared/issues.ts";
import { expectRelativelyClose } from "../../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/estimate.json", "utf8"));
const FILE = "fixtures/reference/estimate-table01.csv";

function options(extra: Partial<TableRunOptions>): TableRunOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    file: FILE,
    treatment: "treated",
    control: null,
    outcomes: ["public_support_days_26m"],
    binary: [],
    counts: [],
    exposure: null,
    survival: null,
    covariates: ["support_weeks_before", "age"],
    categorical: [{ column: "stratum", reference: "female=1 × age=[-∞;23)" }],
    missingCovariates: "stop",
    blocks: null,
    subgroups: [],
    permutations: 0,
    seed: 1,
    confidence: 0.95,
    outDir: mkdtempSync(join(tmpdir(), "effekt-table-")),
    log: (line) => lines.push(line),
    ...extra,
    lines,
  };
}

async function stopped(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof StopRun) return error.issues.map(formatIssue);
    throw error;
  }
  throw new Error("the run did not stop");
}

describe("estimateFromTable", () => {
  it("stops by default on missing covariate values, naming the count and the first five lines", async () => {
    const messages = await stopped(estimateFromTable(options({})));
    expect(messages).toHaveLength(1);
    // age is missing for every 25th person: data rows 25, 50, … are file lines 26, 51, …; 478 rows → 19 persons.
    expect(messages[0]).toContain("19 person(s) lack a covariate value (line 26, 51, 76, 101, 126, …)");
  });

  it("names the lines also when the table is read by the byte reader (plain ASCII, no categorical covariate)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-table-"));
    // Data rows 3 and 7 lack x: file lines 4 and 8.
    const rows = Array.from({ length: 10 }, (_, i) => `${i % 2},${i * 1.5},${i === 2 || i === 6 ? "" : i}`);
    writeFileSync(join(dir, "t.csv"), `treated,y,x\n${rows.join("\n")}\n`);
    const messages = await stopped(estimateFromTable(options({ file: join(dir, "t.csv"), outcomes: ["y"], covariates: ["x"], categorical: [] })));
    expect(messages).toEqual([expect.stringContaining("2 person(s) lack a covariate value (line 4, 8)")]);
  });

  for (const mode of ["indicator", "drop"] as const) {
    it(`--missing-covariates ${mode}: takes 0 as control, expands the stratum against its reference level, and agrees with R`, async () => {
      const o = options({ missingCovariates: mode });
      await estimateFromTable(o);
      const artefact = EffectsArtefact.parse(JSON.parse(readFileSync(join(o.outDir, "effects.json"), "utf8")));
      expect(artefact.control).toBe("0");
      expect(artefact.adjustment).toContain("stratum (reference female=1 × age=[-∞;23))");
      for (const r of reference.table01.filter((x: any) => x.mode === mode)) {
        const ours = artefact.estimates.find((e) => e.estimator === r.estimator)!;
        for (const field of ["estimate", "std_error", "statistic", "df", "p_value", "conf_low", "conf_high"] as const) expectRelativelyClose(ours[field]!, r[field], 1e-8, `${mode} ${r.estimator} ${field}`);
        expect(ours.n_treated + ours.n_control).toBe(r.n);
        if (mode === "drop") expect(ours.notes).toContainEqual({ code: "covariate_missing_left_out", params: { persons: 13 } });
        else expect(ours.notes?.map((n) => n.code) ?? []).not.toContain("covariate_missing_left_out");
      }
      // The summary on stdout, and effects.csv with one tidy row per estimate.
      expect(o.lines.some((l) => /^outcome\s+contrast\s+estimator\s+estimate\s+95 % CI\s+p\s+n arm\s+n control$/.test(l))).toBe(true);
      expect(o.lines.some((l) => l.startsWith("public_support_days_26m  1 vs 0") && l.includes("ols_adjusted"))).toBe(true);
      const csv = parse(readFileSync(join(o.outDir, "effects.csv"), "utf8"), { columns: true }) as Record<string, string>[];
      expect(csv).toHaveLength(artefact.estimates.length);
      expect(Number(csv.find((row) => row.estimator === "ols")!.estimate)).toBe(artefact.estimates.find((e) => e.estimator === "ols")!.estimate);
    });
  }

  it("a reference level not in the column stops, naming the levels", async () => {
    const messages = await stopped(estimateFromTable(options({ categorical: [{ column: "stratum", reference: "male" }], missingCovariates: "drop" })));
    expect(messages[0]).toContain("the reference level 'male' of categorical covariate 'stratum' is not among its levels");
  });

  it("a continuous column given as --binary is one message with the count and the first five lines", async () => {
    const messages = await stopped(estimateFromTable(options({ binary: ["public_support_days_26m"], missingCovariates: "drop" })));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^fixtures\/reference\/estimate-table01\.csv line 2, column 'public_support_days_26m': \d+ values, each is not 0 or 1 \(a binary outcome\): is the column what its flag says\? The first 5: line 2 \('728'\), line 3 \('497'\), /);
  });

  it("arms that are neither 0/1 nor named control/kontrol stop rather than guess; 'Kontrol' is taken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-table-"));
    const rows = Array.from({ length: 8 }, (_, i) => `${i % 2 ? "A" : "B"},${i}`);
    writeFileSync(join(dir, "ab.csv"), `arm,y\n${rows.join("\n")}\n`);
    expect((await stopped(estimateFromTable(options({ file: join(dir, "ab.csv"), treatment: "arm", outcomes: ["y"], covariates: [], categorical: [] }))))[0]).toContain("which is the control arm is not guessed");
    writeFileSync(join(dir, "k.csv"), `arm,y\n${rows.map((r) => r.replace(/^B/, "Kontrol")).join("\n")}\n`);
    const o = options({ file: join(dir, "k.csv"), treatment: "arm", outcomes: ["y"], covariates: [], categorical: [] });
    await estimateFromTable(o);
    expect(JSON.parse(readFileSync(join(o.outDir, "effects.json"), "utf8")).control).toBe("Kontrol");
  });

  it("an outcome also given as a covariate is a near-perfect fit: estimate kept, no p-value, a note", async () => {
    const o = options({ covariates: ["support_weeks_before", "public_support_days_26m"], categorical: [], missingCovariates: "drop" });
    await estimateFromTable(o);
    const artefact = EffectsArtefact.parse(JSON.parse(readFileSync(join(o.outDir, "effects.json"), "utf8")));
    for (const estimator of ["ols_adjusted", "lin"]) {
      const e = artefact.estimates.find((x) => x.estimator === estimator)!;
      expect(e.p_value).toBeNull();
      expect(e.std_error).toBeNull();
      expect(e.notes?.map((n) => n.code)).toContain("near_perfect_fit");
      expect(Math.abs(e.estimate!)).toBeLessThan(1e-6);
    }
  });
});
