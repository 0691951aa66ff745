/**
 * One primary result (issue 26, part 5): the summary, the status page and the portfolio's council status state the
 * same result for the primary outcome — the primary estimator's (UngiFokus has covariates: the covariate-adjusted
 * OLS), in procentpoint, with its CI and p, and the estimator named — and none of them shows it when the effects
 * table hides it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../pipeline/cli.ts";
import { runPipeline, runStage } from "../../../pipeline/run.ts";
import { shippedSpecVariant } from "../../helpers.ts";
import { copyOfSharedRun, sharedRun } from "../../runs/sharedRun.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-primary-"));
const csv = (dir: string, file: string) => parse(readFileSync(join(dir, "report", file), "utf8"), { columns: true }) as Record<string, string>[];

/**
 * The primary estimator's row of effects.csv (education_24m, ols_adjusted), rounded by hand:
 *   as of 2024-12-31: estimate 0.079769 → +8,0; CI -0.022415 … 0.181954 → -2,2 … +18,2; p 0.125041 → 0,125
 *     (the difference in means is 0.080972, p 0.121125: the figure the status page showed before, "0,081 (p = 0,121)")
 *   as of 2026-09-30: estimate 0.043045 → +4,3; CI -0.022983 … 0.109074 → -2,3 … +10,9; p 0.200643 → 0,201
 *     (the difference in means: 0.043716, p 0.181142)
 */
const EXPECTED = {
  "2024-12-31": {
    da: "+8,0 procentpoint (95 % KI -2,2 procentpoint til +18,2 procentpoint; p = 0,125); estimator: Justeret for baggrundsvariable (OLS)",
    en: "+8.0 percentage points (95 % CI -2.2 percentage points to +18.2 percentage points; p = 0.125); estimator: Covariate-adjusted (OLS)",
    differenceInMeans: ["0,081", "0,121", "0.081", "0.121"],
  },
  "2026-09-30": {
    da: "+4,3 procentpoint (95 % KI -2,3 procentpoint til +10,9 procentpoint; p = 0,201); estimator: Justeret for baggrundsvariable (OLS)",
    en: "+4.3 percentage points (95 % CI -2.3 percentage points to +10.9 percentage points; p = 0.201); estimator: Covariate-adjusted (OLS)",
    differenceInMeans: ["0,044", "0,181", "0.044", "0.181"],
  },
} as const;

let stdout = "";
beforeEach(() => {
  stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

/** The three places, as published: summary.csv's effect row, status.csv's effect cell, the portfolio's status.html. */
async function published(dir: string, lang: "da" | "en") {
  const summary = csv(dir, "summary.csv").find((r) => r.figure!.startsWith("effect:"))?.value ?? null;
  const status = csv(dir, "status.csv")[0]!.effect!;
  const out = tempDir();
  expect(await main(["portfolio", dir, "--out", out, "--lang", lang])).toBe(0);
  return { summary, status, portfolio: readFileSync(join(out, "status.html"), "utf8") };
}

/** A copy of the shipped spec (tests/helpers.ts), changed by `change`. */
const variantSpec = (change: (spec: any) => void): string => shippedSpecVariant(tempDir(), change);

describe("the primary result on UngiFokus", () => {
  /** The shared runs (tests/runs/recipes.ts); without one in English, the report stage is run again with --lang en on a copy. */
  const RUNS = { "2024-12-31": { da: "ungifokus-2024-12-31", en: null }, "2026-09-30": { da: "ungifokus", en: "ungifokus-en" } } as const;
  const hidden = tempDir();
  beforeAll(async () => {
    // Flex job within 24 months has fewer than 5 persons with the outcome: the effects table hides its estimate.
    await runPipeline({ specPath: variantSpec((s) => (s.primaryOutcome = "flex_job_24m")), outDir: hidden, log });
  });

  for (const asOf of ["2024-12-31", "2026-09-30"] as const) {
    for (const lang of ["da", "en"] as const) {
      it(`as of ${asOf} (${lang}): summary.csv, status.csv and the portfolio state the same covariate-adjusted result in procentpoint`, async () => {
        const shared = RUNS[asOf][lang];
        const dir = shared !== null ? await sharedRun(shared) : await copyOfSharedRun(RUNS[asOf].da);
        if (shared === null) await runStage("report", { specPath: "fixtures/ungifokus/spec.json", outDir: dir, asOf, lang, log });
        const expected = EXPECTED[asOf][lang];
        const { summary, status, portfolio } = await published(dir, lang);
        expect(summary).toContain(expected);
        expect(status).toContain(expected);
        expect(portfolio).toContain(expected);
        // The estimator is named once, and the difference in means' figures appear nowhere in the status cell.
        expect(status.split("OLS").length - 1).toBe(1);
        for (const other of EXPECTED[asOf].differenceInMeans) expect(status).not.toContain(other);
        // The memo table names the same estimator for the primary outcome.
        expect(csv(dir, "effects_primary.csv").find((r) => r.outcome === "education_24m")!.estimator).toBe("ols_adjusted");
      });
    }
  }

  it("is shown nowhere when the effects table hides the primary estimate", async () => {
    const effects = csv(hidden, "effects.csv").filter((r) => r.outcome === "flex_job_24m");
    expect(effects.length).toBeGreaterThan(0);
    for (const r of effects) expect(r.estimate, r.estimator).toMatch(/^(<5|x|)$/);
    const { summary, status, portfolio } = await published(hidden, "da");
    expect(summary).toBeNull();
    expect(status).toBe("–");
    expect(portfolio).not.toContain("Seneste effekt");
    expect(portfolio).not.toContain("procentpoint");
  });
});
