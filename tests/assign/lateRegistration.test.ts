/** Allocations never move (issue 16, item 6): a person registered late into a randomised batch never re-draws it. */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runStage } from "../../pipeline/run.ts";
import { loadSpec } from "../../pipeline/loadSpec.ts";
import { lockPlan } from "../../pipeline/planLock.ts";
import { StopRun } from "../../src/shared/issues.ts";
import { verifyAllocation } from "../../src/assign/verifyAllocation.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-late-"));
const LATE = "UF09999";

/** The shipped spec copied into its own folder (file paths absolute, the population a copy), so nothing is written into fixtures/. */
function specCopy(change: (spec: any) => void = () => {}): { dir: string; spec: string; population: string } {
  const dir = tempDir();
  const spec = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
  const base = resolve("fixtures/ungifokus");
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  if (spec.benefitCodes) spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  delete spec.assumptions;
  delete spec.contract;
  delete spec.portfolio;
  const population = join(dir, "population.csv");
  copyFileSync(join(base, "population.csv"), population);
  spec.extracts.population.file = population;
  change(spec);
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  return { dir, spec: join(dir, "spec.json"), population };
}

/** Adds one person referred on 2021-09-20 (batch 2021Q3, randomised at the first run) to a copied population. */
function registerLate(population: string) {
  const text = readFileSync(population, "latin1");
  const first = text.split("\r\n")[1]!;
  const fields = first.split(";");
  fields[0] = LATE;
  fields[3] = "20-09-2021";
  fields[4] = "04-10-2021";
  writeFileSync(population, text.replace(/(\r\n)?$/, "\r\n" + fields.join(";") + "\r\n"), "latin1");
}

async function assign(spec: string, out: string) {
  await runStage("ingest", { specPath: spec, outDir: out, log });
  await runStage("assign", { specPath: spec, outDir: out, log });
  const rows = parse(readFileSync(join(out, "work/assignments.csv"), "utf8"), { columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r.personId!, r]));
}

describe("a person registered late into an already-randomised batch", () => {
  for (const explicit of [false, true]) {
    it(`keeps every existing allocation and is randomised in a batch of their own (${explicit ? "explicit assignment.log" : "default log beside the spec"})`, async () => {
      const logDir = tempDir();
      const copy = specCopy((s) => {
        if (explicit) s.assignment.log = join(logDir, "quarterly.log.csv");
      });
      const logPath = explicit ? join(logDir, "quarterly.log.csv") : join(copy.dir, "ungifokus.allocation-log.csv");
      const before = await assign(copy.spec, join(copy.dir, "q1"));
      expect(existsSync(logPath)).toBe(true);
      const logBefore = readFileSync(logPath, "utf8");
      expect(before.size).toBe(478);
      expect(before.get("UF00001")!.batch).toBe("2021Q3");

      registerLate(copy.population);
      const after = await assign(copy.spec, join(copy.dir, "q2"));
      expect(after.size).toBe(479);
      const moved = [...before].filter(([id, a]) => after.get(id)?.arm !== a.arm || after.get(id)?.batch !== a.batch);
      expect(moved).toEqual([]);
      expect(after.get(LATE)!.batch).toBe("2021Q3+late1");

      const logAfter = readFileSync(logPath, "utf8");
      expect(logAfter.startsWith(logBefore)).toBe(true);
      expect(logAfter.slice(logBefore.length).split("\n").filter((l) => l !== "")).toHaveLength(1);
      // The late batch is recomputable from the seed like any other.
      expect(verifyAllocation(logAfter, null).ok).toBe(true);
    });
  }

  it("re-drawing the batch instead (no log yet) would have moved existing persons: the case the log prevents", async () => {
    const copy = specCopy();
    const fresh = specCopy();
    const before = await assign(copy.spec, join(copy.dir, "q1"));
    registerLate(fresh.population);
    const redrawn = await assign(fresh.spec, join(fresh.dir, "q1"));
    const moved = [...before].filter(([id, a]) => redrawn.get(id)!.arm !== a.arm).map(([id]) => id);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved).toContain("UF00001");
  });

  it('with lateRegistration "wait", stays unallocated and listed; nobody else moves', async () => {
    const copy = specCopy((s) => (s.assignment.lateRegistration = "wait"));
    const before = await assign(copy.spec, join(copy.dir, "q1"));
    registerLate(copy.population);
    const after = await assign(copy.spec, join(copy.dir, "q2"));
    expect(after.has(LATE)).toBe(false);
    expect([...before].filter(([id, a]) => after.get(id)?.arm !== a.arm)).toEqual([]);
    expect(readFileSync(join(copy.dir, "q2/work/assignment-issues.csv"), "utf8")).toMatch(new RegExp(`${LATE},late_registration,`));
  });

  it("a run whose changed design would re-draw the log stops and names the persons already allocated", async () => {
    const copy = specCopy();
    await assign(copy.spec, join(copy.dir, "q1"));
    const spec = JSON.parse(readFileSync(copy.spec, "utf8"));
    spec.assignment.seed = 1;
    writeFileSync(copy.spec, JSON.stringify(spec));
    await expect(assign(copy.spec, join(copy.dir, "q2"))).rejects.toThrow(/would change the allocation of 478 person\(s\) already on the log \(UF00001, /);
  });
});

/** The StopRun a run ends with (fails the test when it does not stop). */
async function stopOf(run: Promise<unknown>): Promise<StopRun> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StopRun);
  return error as StopRun;
}

describe("allocations cannot be lost quietly (issue 25, part 9): a recorded chain head needs its log", () => {
  it("the log deleted after a run into the same output folder, then one late registration: the run stops naming the log, and the folder keeps the old run", async () => {
    const copy = specCopy();
    const out = join(copy.dir, "out");
    const logPath = join(copy.dir, "ungifokus.allocation-log.csv");
    await assign(copy.spec, out);
    const assignmentBefore = readFileSync(join(out, "assignment.json"), "utf8");
    renameSync(logPath, logPath + ".away");
    registerLate(copy.population);
    const stopped = await stopOf(assign(copy.spec, out));
    expect(stopped.issues[0]).toMatchObject({ code: "allocation_log_missing", file: expect.stringMatching(/ungifokus\.allocation-log\.csv$/) });
    expect(stopped.issues[0]!.message).toContain("assignment.json, 478 line(s) on the log");
    expect(stopped.issues[0]!.message).toMatch(/Restore .*ungifokus\.allocation-log\.csv from a backup/);
    expect(existsSync(logPath)).toBe(false);
    expect(readFileSync(join(out, "assignment.json"), "utf8")).toBe(assignmentBefore);
    // Restored, the same late registration goes into a batch of its own and nobody moves.
    renameSync(logPath + ".away", logPath);
    const after = await assign(copy.spec, out);
    expect(after.size).toBe(479);
    expect(after.get(LATE)!.batch).toBe("2021Q3+late1");
  });

  it("a log shorter than the recorded head (its last line deleted) stops; a log that grew past it runs", async () => {
    const copy = specCopy();
    const out = join(copy.dir, "out");
    const logPath = join(copy.dir, "ungifokus.allocation-log.csv");
    await assign(copy.spec, out);
    const text = readFileSync(logPath, "utf8");
    writeFileSync(logPath, text.replace(/[^\n]*\n$/, ""));
    const stopped = await stopOf(assign(copy.spec, out));
    expect(stopped.issues[0]).toMatchObject({ code: "allocation_log_head_lost" });
    expect(stopped.issues[0]!.message).toContain("does not hold the chain head recorded by the previous run in this output folder");
    writeFileSync(logPath, text);
    registerLate(copy.population);
    expect((await assign(copy.spec, out)).size).toBe(479);
    expect(readFileSync(logPath, "utf8").startsWith(text)).toBe(true);
  });

  it("one record of the log edited (an arm flipped): the run stops naming the log and the line", async () => {
    const copy = specCopy();
    const logPath = join(copy.dir, "ungifokus.allocation-log.csv");
    await assign(copy.spec, join(copy.dir, "q1"));
    const lines = readFileSync(logPath, "utf8").split("\n");
    const at = lines.findIndex((l) => l.startsWith("10,"));
    lines[at] = lines[at]!.replace(/,(control|treatment),/, (_, arm: string) => `,${arm === "control" ? "treatment" : "control"},`);
    writeFileSync(logPath, lines.join("\n"));
    // Into a new folder (no head recorded there): the assign stage's own check; into the old one: the runner's, before any stage.
    for (const out of ["q2", "q1"]) {
      const stopped = await stopOf(assign(copy.spec, join(copy.dir, out)));
      expect(stopped.issues[0]).toMatchObject({ code: "log_tampered", line: 10, file: expect.stringMatching(/ungifokus\.allocation-log\.csv$/) });
    }
  });

  it("a locked plan records the head: with the log deleted, a run into a new folder stops naming the log and the lock", async () => {
    const copy = specCopy();
    const logPath = join(copy.dir, "ungifokus.allocation-log.csv");
    await assign(copy.spec, join(copy.dir, "q1"));
    await lockPlan(await loadSpec({ specPath: copy.spec, outDir: join(copy.dir, "q1"), log }), { afterOutcomes: false, today: "2024-01-01" });
    renameSync(logPath, logPath + ".away");
    const stopped = await stopOf(assign(copy.spec, join(copy.dir, "fresh")));
    expect(stopped.issues[0]).toMatchObject({ code: "allocation_log_missing" });
    expect(stopped.issues[0]!.message).toContain("the plan lock");
    expect(stopped.issues[0]!.message).toContain("plan.lock.json");
    expect(existsSync(join(copy.dir, "fresh", "assignment.json"))).toBe(false);
  });
});

describe("the shipped examples keep their allocation log committed beside the spec", () => {
  it("a run of the shipped spec leaves the committed log untouched (bytes and mtime) and the git tree of fixtures/ clean", async () => {
    const logPath = "fixtures/ungifokus/ungifokus.allocation-log.csv";
    const bytes = readFileSync(logPath, "utf8");
    const mtime = statSync(logPath).mtimeMs;
    const first = await assign("fixtures/ungifokus/spec.json", join(tempDir(), "a"));
    const second = await assign("fixtures/ungifokus/spec.json", join(tempDir(), "b"));
    expect([...second]).toEqual([...first]);
    expect(readFileSync(logPath, "utf8")).toBe(bytes);
    expect(statSync(logPath).mtimeMs).toBe(mtime);
    expect(execFileSync("git", ["status", "--porcelain", "--", "fixtures"], { encoding: "utf8" })).toBe("");
  });
});
