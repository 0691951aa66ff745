/** The locked analysis plan (issue 16, item 7): effekt lock-plan, and every later run compared with it. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { runPipeline, runStage } from "../../pipeline/run.ts";
import { Manifest } from "../../pipeline/seal/manifest.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-plan-"));
const today = new Date().toISOString().slice(0, 10);

/** The shipped spec in a folder of its own (paths absolute), so that neither the lock nor the log lands in fixtures/. */
function specCopy(): string {
  const dir = tempDir();
  const spec = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
  const base = resolve("fixtures/ungifokus");
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  if (spec.benefitCodes) spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  spec.assumptions = [spec.assumptions].flat().map((f: string) => resolve(base, f));
  spec.contract = [spec.contract].flat().map((f: string) => resolve(base, f));
  spec.portfolio = resolve(base, spec.portfolio);
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec, null, 2));
  return join(dir, "spec.json");
}

async function quiet(args: string[]): Promise<number> {
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return await main(args);
  } finally {
    vi.restoreAllMocks();
  }
}

const manifestOf = (out: string) => Manifest.parse(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")));

describe("effekt lock-plan and the plan check of every run", () => {
  afterEach(() => vi.restoreAllMocks());

  it("locks the plan; an unchanged run says so; a changed primary outcome shows as a deviation in the manifest and the report", async () => {
    const spec = specCopy();
    const out = join(tempDir(), "run");
    expect(await quiet(["lock-plan", spec, "--out", out])).toBe(0);
    const lock = JSON.parse(readFileSync(join(spec, "..", "plan.lock.json"), "utf8"));
    expect(lock).toMatchObject({ artefact: "planLock", evaluation: "ungifokus", lockedAt: today, afterOutcomes: false });
    expect(lock.plan.primaryOutcome).toBe("education_24m");
    expect(lock.plan.contracts).toHaveLength(3);
    expect(lock.plan.contracts[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lock.allocationLogChainHead).toBeNull();
    // A second lock is refused: it would hide the deviations from the first.
    expect(await quiet(["lock-plan", spec, "--out", out])).toBe(1);

    await runPipeline({ specPath: spec, outDir: out, log });
    expect(manifestOf(out).plan).toEqual({ locked: true, lockedAt: today, sha256: lock.sha256, afterOutcomes: false, deviations: [] });
    const html = readFileSync(join(out, "report/report.html"), "utf8");
    expect(html).toContain(`Analyseplanen er uændret siden ${today}.`);
    expect(manifestOf(out).inputs.some((i) => i.role === "planLock")).toBe(true);

    const changed = JSON.parse(readFileSync(spec, "utf8"));
    changed.primaryOutcome = "self_supporting_24m";
    writeFileSync(spec, JSON.stringify(changed, null, 2));
    await runStage("report", { specPath: spec, outDir: out, lang: "en", log });
    expect(manifestOf(out).plan!.deviations).toEqual([{ path: "primaryOutcome", locked: '"education_24m"', now: '"self_supporting_24m"' }]);
    const english = readFileSync(join(out, "report/report.html"), "utf8");
    expect(english).toContain(`The analysis plan has changed since it was locked on ${today}:`);
    expect(english).toContain("<li>primaryOutcome: locked &quot;education_24m&quot;, now &quot;self_supporting_24m&quot;</li>");
    // The statement opens the first section, before its table.
    const summary = english.indexOf('id="summary"');
    expect(summary).toBeGreaterThan(0);
    expect(english.indexOf("The analysis plan has changed", summary)).toBeLessThan(english.indexOf("<table", summary));
  });

  it("refuses once outcomes have been estimated for the evaluation, unless --after-outcomes, and the lock then says so", async () => {
    const spec = specCopy();
    const out = join(tempDir(), "run");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "effects.json"), "{}");
    expect(await quiet(["lock-plan", spec, "--out", out])).toBe(1);
    expect(existsSync(join(spec, "..", "plan.lock.json"))).toBe(false);
    expect(await quiet(["lock-plan", spec, "--out", out, "--after-outcomes"])).toBe(0);
    const lock = JSON.parse(readFileSync(join(spec, "..", "plan.lock.json"), "utf8"));
    expect(lock.afterOutcomes).toBe(true);
  });

  it("records the allocation log's chain head when the log exists, and a lock edited by hand stops the run", async () => {
    const spec = specCopy();
    const out = join(tempDir(), "run");
    await runStage("ingest", { specPath: spec, outDir: out, log });
    await runStage("assign", { specPath: spec, outDir: out, log });
    const assignment = JSON.parse(readFileSync(join(out, "assignment.json"), "utf8"));
    expect(await quiet(["lock-plan", spec, "--out", out])).toBe(0);
    const lockPath = join(spec, "..", "plan.lock.json");
    const lock = JSON.parse(readFileSync(lockPath, "utf8"));
    expect(lock.allocationLogChainHead).toBe(assignment.log.chainHead);
    lock.plan.primaryOutcome = "self_supporting_24m";
    writeFileSync(lockPath, JSON.stringify(lock));
    await expect(runPipeline({ specPath: spec, outDir: out, log })).rejects.toThrow(/plan lock was edited after it was written/);
  });
});
