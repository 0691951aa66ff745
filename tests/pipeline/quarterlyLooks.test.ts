/**
 * Issue 30, the quarterly workflow: eight quarters of the shipped UngiFokus example, 2024-12-31 to
 * 2026-09-30, from an empty look log. Four are whole runs, each with --compare against the previous
 * quarter's folder (and `effekt settle` after the 2025-09-30 run, as tests/pipeline/settle.test.ts);
 * the four between them run the monitor stage alone (`effekt monitor`) on the previous folder with
 * the primary estimate of that quarter as the shipped log recorded it (information, estimate, p).
 * Checked: one look per quarter; α spent equal to the O'Brien–Fleming-type function at each recorded
 * fraction, by hand (α(t) = 4 Φ̄(Φ⁻¹(1 − α/4)/√t), two-sided), and never falling; every earlier look
 * byte-identical in every later log; the log rebuilt byte for byte as shipped; and a hand edit, a
 * deleted log and a truncated log each stopping the next run, naming the line or the file and the run
 * that recorded the chain head (issue 30, part 2).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { settle } from "../../pipeline/commands/settle.ts";
import { runPipeline, runStage } from "../../pipeline/run.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { parseLookLog } from "../../src/monitor/lookLog.ts";
import { MonitoringArtefact } from "../../src/monitor/schema.ts";
import { formatIssue, StopRun } from "../../src/shared/issues.ts";
import { normalQuantile, normalUpperTail } from "../../src/stats/distributions.ts";

const log = () => {};
const root = mkdtempSync(join(tmpdir(), "effekt-looks-"));
for (const dir of ["ungifokus", "codes", "contracts", "business-cases"]) cpSync(join("fixtures", dir), join(root, "fixtures", dir), { recursive: true });
const specPath = join(root, "fixtures", "ungifokus", "spec.json");
const logPath = join(root, "fixtures", "ungifokus", "ungifokus.look-log.csv");
const shippedLog = readFileSync("fixtures/ungifokus/ungifokus.look-log.csv", "utf8");
rmSync(logPath);

const quarters = ["2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"];
const wholeRuns = new Set([0, 3, 6, 7]);
const folder = (k: number) => join(root, `q${k + 1}`);
const monitoring = (k: number) => MonitoringArtefact.parse(JSON.parse(readFileSync(join(folder(k), "monitoring.json"), "utf8")));
/** The look log as it stood after each quarter's run. */
const logAfter: string[] = [];

/** The previous quarter's folder with this quarter's primary estimate as the shipped log recorded it. */
function prepareFolder(k: number): void {
  cpSync(folder(k - 1), folder(k), { recursive: true });
  const recorded = parseLookLog(shippedLog).records[k]!;
  const path = join(folder(k), "effects.json");
  const effects = EffectsArtefact.parse(JSON.parse(readFileSync(path, "utf8")));
  const { outcome, estimator, contrast } = monitoring(0);
  const row = effects.estimates.find((e) => e.outcome === outcome && e.estimator === estimator && e.contrast === contrast)!;
  Object.assign(row, { estimate: recorded.estimate, p_value: recorded.p, n_treated: Math.floor(recorded.information / 2), n_control: Math.ceil(recorded.information / 2) });
  writeFileSync(path, JSON.stringify(effects, null, 2) + "\n");
}

/** The issue a run stops with. */
async function stopsWith(run: Promise<unknown>) {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StopRun);
  return (error as StopRun).issues[0]!;
}

beforeAll(async () => {
  for (const [k, asOf] of quarters.entries()) {
    const options = { specPath, asOf, outDir: folder(k), log, ...(k > 0 ? { compare: folder(k - 1) } : {}) };
    if (wholeRuns.has(k)) await runPipeline(options);
    else {
      prepareFolder(k);
      await runStage("monitor", options);
    }
    if (asOf === "2025-09-30") await settle({ specPath, runDir: folder(k), through: asOf, log });
    logAfter.push(readFileSync(logPath, "utf8"));
  }
});

describe("eight quarterly looks at UngiFokus, each run against the previous quarter's", () => {
  it("one new look per quarter, numbered in date order", () => {
    for (const [k, asOf] of quarters.entries()) {
      expect(monitoring(k).look, asOf).toMatchObject({ look: k + 1, recorded: "new" });
      expect(parseLookLog(logAfter[k]!).records.map((r) => r.asOf)).toEqual(quarters.slice(0, k + 1));
    }
  });

  it("α spent is the O'Brien–Fleming-type function at each recorded fraction (by hand), never falling, all under 0.05", () => {
    const records = parseLookLog(logAfter.at(-1)!).records;
    const obf = (t: number) => 4 * normalUpperTail(normalQuantile(1 - 0.05 / 4) / Math.sqrt(t));
    records.forEach((r, k) => {
      expect(r.fraction).toBe(r.information / 470);
      expect(r.alphaSpent).toBeCloseTo(obf(r.fraction), 12);
      if (k > 0) expect(r.alphaSpent).toBeGreaterThan(records[k - 1]!.alphaSpent);
    });
    // the first look's boundary in closed form: 2 Φ̄(c) = α(t₁)
    expect(records[0]!.boundary).toBeCloseTo(normalQuantile(1 - obf(records[0]!.fraction) / 2), 9);
    expect(records.at(-1)!.alphaSpent).toBeLessThan(0.05);
  });

  it("every earlier look is byte-identical in every later log and monitoring.json, and the log is rebuilt as shipped", () => {
    for (let k = 1; k < quarters.length; k += 1) {
      expect(logAfter[k]!.startsWith(logAfter[k - 1]!), quarters[k]).toBe(true);
      expect(monitoring(k).looks.slice(0, k)).toEqual(monitoring(k - 1).looks);
      expect(monitoring(k).logChainHead).toBe(parseLookLog(logAfter[k]!).records[k]!.sha256);
    }
    expect(logAfter.at(-1)).toBe(shippedLog);
  });

  it("a hand edit of a look stops the next run, naming the file and the line", async () => {
    const edited = logAfter.at(-1)!.replace(",0.38764519746557424,false,", ",0.038764519746557424,false,");
    expect(edited).not.toBe(logAfter.at(-1));
    writeFileSync(logPath, edited);
    try {
      const problem = await stopsWith(runStage("monitor", { specPath, asOf: quarters[7]!, outDir: folder(7), log }));
      expect(problem).toMatchObject({ code: "look_log_tampered", line: 8 });
      expect(formatIssue(problem)).toMatch(/ungifokus\.look-log\.csv.*line 8.*its SHA-256 does not follow from the chain/);
    } finally {
      writeFileSync(logPath, logAfter.at(-1)!);
    }
  });
});

describe("a deleted or truncated look log stops the run (issue 30, part 2)", () => {
  it("deleted: the run in the same folder names the log and the monitoring.json that recorded its head; nothing is written", async () => {
    renameSync(logPath, logPath + ".away");
    try {
      const before = readFileSync(join(folder(7), "monitoring.json"), "utf8");
      const problem = await stopsWith(runStage("monitor", { specPath, asOf: quarters[7]!, outDir: folder(7), log }));
      expect(problem.code).toBe("look_log_missing");
      expect(problem.message).toMatch(/^the look log .*ungifokus\.look-log\.csv is missing, and its chain head is recorded by the previous run in this output folder \(.*q8\/monitoring\.json, 8 look\(s\) on the log\).*Restore .* from a backup/);
      expect(readFileSync(join(folder(7), "monitoring.json"), "utf8")).toBe(before);
    } finally {
      renameSync(logPath + ".away", logPath);
    }
  });

  it("truncated by its last look: a new folder with --compare names the compared run; the same folder names itself", async () => {
    writeFileSync(logPath, logAfter[6]!);
    try {
      const compared = await stopsWith(runStage("monitor", { specPath, asOf: quarters[7]!, outDir: join(root, "fresh"), compare: folder(7), log }));
      expect(compared.code).toBe("look_log_head_lost");
      expect(compared.message).toMatch(/does not hold the chain head recorded by the run --compare names \(.*q8\/monitoring\.json, 8 look\(s\) on the log\): its last look\(s\) were removed/);
      const same = await stopsWith(runStage("monitor", { specPath, asOf: quarters[7]!, outDir: folder(7), log }));
      expect(same.message).toContain("the previous run in this output folder");
      // a log that still holds the head — the whole one — lets an earlier quarter's folder run again
      writeFileSync(logPath, logAfter.at(-1)!);
      await runStage("monitor", { specPath, asOf: quarters[6]!, outDir: folder(6), compare: folder(5), log });
      expect(monitoring(6).look).toMatchObject({ look: 7, recorded: "as_recorded" });
    } finally {
      writeFileSync(logPath, logAfter.at(-1)!);
    }
  });
});
