/**
 * The output folder is effekt's own (issue 25, part 5): a re-run deletes only what effekt wrote,
 * a folder effekt did not write is refused (or taken over with --force, keeping its files), an
 * --out that holds an input is refused, one run at a time holds the folder (a killed run's lock
 * is taken over), a file as --out is exit 1, and estimate --table and portfolio never overwrite
 * a file they did not write. Runs use a 40-person copy of the shipped example (~8 s each).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { runPipeline, runStage } from "../../pipeline/run.ts";
import { estimateFromTable, type TableRunOptions } from "../../pipeline/commands/estimateTable.ts";
import { MARKER_FILE } from "../../pipeline/io/ownedFolder.ts";
import { LOCK_FILE } from "../../pipeline/io/takeLock.ts";
import { verifyRun } from "../../pipeline/seal/verifyRun.ts";
import { Manifest } from "../../pipeline/seal/manifest.ts";
import { StopRun, formatIssue } from "../../src/shared/issues.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-outdir-"));
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const manifestOf = (dir: string) => Manifest.parse(JSON.parse(read(dir, "manifest.json")));

/** Every file under a folder (relative paths, sorted), with its content: what "untouched" is compared by. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), "latin1");
    }
  };
  walk("");
  return out;
}

/**
 * The shipped spec with its first 40 persons, in a folder of its own: the population copied there,
 * the other extracts kept where they are (absolute paths), or copied under `extractsIn` of the folder.
 */
function smallSpec(options: { extractsIn?: string; change?: (spec: any) => void } = {}): { dir: string; spec: string } {
  const dir = tempDir();
  const spec = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
  const base = resolve("fixtures/ungifokus");
  for (const extract of Object.values<any>(spec.extracts)) {
    if (options.extractsIn === undefined) extract.file = resolve(base, extract.file);
    else {
      mkdirSync(join(dir, options.extractsIn), { recursive: true });
      cpSync(join(base, extract.file), join(dir, options.extractsIn, extract.file));
      extract.file = `${options.extractsIn}/${extract.file}`;
    }
  }
  spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  delete spec.assumptions;
  delete spec.contract;
  delete spec.portfolio;
  spec.estimation = { permutations: 200 };
  const population = readFileSync(join(base, "population.csv"), "latin1").split("\n");
  const populationFile = options.extractsIn === undefined ? "population.csv" : `${options.extractsIn}/population.csv`;
  writeFileSync(join(dir, populationFile), population.slice(0, 41).join("\n") + "\n", "latin1");
  spec.extracts.population.file = populationFile;
  options.change?.(spec);
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  return { dir, spec: join(dir, "spec.json") };
}

async function stopMessage(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof StopRun) return error.issues.map(formatIssue).join("\n");
    throw error;
  }
  throw new Error("the run did not stop");
}

let stderr = "";
let stdout = "";
beforeEach(() => {
  stderr = "";
  stdout = "";
});
afterEach(() => vi.restoreAllMocks());
const quiet = async (args: string[]) => {
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return await main(args);
  } finally {
    vi.restoreAllMocks();
  }
};

describe("a run's output folder is its own", () => {
  it("a re-run deletes only what the run wrote: files of anyone else in report/, work/ and elsewhere survive, unsealed", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    const lines: string[] = [];
    await runPipeline({ specPath: spec, outDir: out, log: (l) => lines.push(l) });
    const first = manifestOf(out).outputs.map((o) => o.path);
    expect(first).toContain("report/report.html");
    expect(first).not.toContain(MARKER_FILE);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    // The user's own files, beside and inside the folders the run writes.
    writeFileSync(join(out, "report", "memo-draft.docx"), "my memo");
    writeFileSync(join(out, "work", "thesis.tex"), "\\documentclass{article}");
    mkdirSync(join(out, "notes"));
    writeFileSync(join(out, "notes", "n.txt"), "notes");
    writeFileSync(join(out, "report", "my-table.csv"), "a,b\n1,2\n");
    await runPipeline({ specPath: spec, outDir: out, log: () => {} });
    expect(read(out, "report/memo-draft.docx")).toBe("my memo");
    expect(read(out, "work/thesis.tex")).toBe("\\documentclass{article}");
    expect(read(out, "notes/n.txt")).toBe("notes");
    expect(read(out, "report/my-table.csv")).toBe("a,b\n1,2\n");
    // The second run sealed exactly what it wrote, the same files as the first; the user's files are not its outputs.
    expect(manifestOf(out).outputs.map((o) => o.path)).toEqual(first);
    const verified = await verifyRun(out);
    expect(verified.unrecorded).toEqual(["notes/n.txt", "report/memo-draft.docx", "report/my-table.csv", "work/thesis.tex"]);
  });

  it("a failed run clears what the last run wrote, removes the folders it created when empty, and keeps a folder that holds a file of yours", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    await runPipeline({ specPath: spec, outDir: out, log: () => {} });
    writeFileSync(join(out, "work", "thesis.tex"), "mine");
    const broken = JSON.parse(read(dir, "spec.json"));
    broken.extracts.population.file = "/nonexistent/population.csv";
    writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
    await expect(runPipeline({ specPath: join(dir, "broken.json"), outDir: out, log: () => {} })).rejects.toThrow("required extract 'population' not found");
    expect(snapshot(out)).toEqual({ [MARKER_FILE]: read(out, MARKER_FILE), "work/thesis.tex": "mine" });
    expect(JSON.parse(read(out, MARKER_FILE))).toEqual({ tool: "effekt", kind: "run", files: [], folders: ["work"] });
  });

  it("refuses a non-empty folder effekt did not write; --force takes it over, keeping every file effekt did not write", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "theirs");
    mkdirSync(join(out, "report"), { recursive: true });
    writeFileSync(join(out, "notes.txt"), "keep me");
    writeFileSync(join(out, "report", "old.csv"), "x\n");
    const before = snapshot(out);
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: out, log: () => {} }))).toContain("was not written by effekt run (or one of its stages)");
    expect(snapshot(out)).toEqual(before);
    // A single stage is refused the same way.
    expect(await stopMessage(runStage("ingest", { specPath: spec, outDir: out, log: () => {} }))).toContain("take this one over with --force");
    expect(snapshot(out)).toEqual(before);
    const lines: string[] = [];
    await runPipeline({ specPath: spec, outDir: out, force: true, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toContain("taken over with --force: 0 file(s)");
    expect(read(out, "notes.txt")).toBe("keep me");
    expect(read(out, "report/old.csv")).toBe("x\n");
    expect(manifestOf(out).outputs.map((o) => o.path)).not.toContain("report/old.csv");
  });

  it("--force stops at a file in the way that effekt did not write, and leaves it as it is", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "theirs");
    mkdirSync(out);
    writeFileSync(join(out, "ingest.json"), "my own ingest.json");
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: out, force: true, log: () => {} }))).toContain("ingest.json is in the way");
    expect(read(out, "ingest.json")).toBe("my own ingest.json");
  });

  it("a folder of an earlier version (no marker) is effekt's when its manifest records every file unchanged; else --force, and an edited file stays", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    await runPipeline({ specPath: spec, outDir: out, log: () => {} });
    // As an earlier version left it: no marker.
    const { rmSync } = await import("node:fs");
    rmSync(join(out, MARKER_FILE));
    const lines: string[] = [];
    await runPipeline({ specPath: spec, outDir: out, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/every one of its \d+ file\(s\) recorded unchanged by its manifest.json: taken as effekt's/);
    // Again without the marker, and one recorded report table edited since.
    rmSync(join(out, MARKER_FILE));
    writeFileSync(join(out, "report", "balance.csv"), "edited by hand");
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: out, log: () => {} }))).toContain("--force");
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: out, force: true, log: () => {} }))).toContain("report/balance.csv is in the way");
    expect(read(out, "report/balance.csv")).toBe("edited by hand");
  });

  it("stages run one by one into a folder effekt wrote read each other's artefacts there", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    for (const stage of ["ingest", "assign", "estimate", "report"] as const) await runStage(stage, { specPath: spec, outDir: out, log: () => {} });
    expect(manifestOf(out).outputs.map((o) => o.path)).toContain("effects.json");
    expect(JSON.parse(read(out, MARKER_FILE)).files).toContain("work/assignments.csv");
  });
});

describe("an output folder never holds an input", () => {
  it("refuses the spec's folder as --out (extracts kept in its work/ folder), and touches nothing in it", async () => {
    const { dir, spec } = smallSpec({ extractsIn: "work" });
    const before = snapshot(dir);
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: dir, log: () => {} }))).toContain("--out is, or holds, an input of this run");
    expect(snapshot(dir)).toEqual(before);
    // Nor the folder above it, nor a folder holding one extract.
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: join(dir, ".."), log: () => {} }))).toContain("holds, an input");
    expect(await stopMessage(runStage("ingest", { specPath: spec, outDir: join(dir, "work"), log: () => {} }))).toContain("work/population.csv");
    expect(snapshot(dir)).toEqual(before);
    // A folder beside the inputs is fine.
    await runStage("ingest", { specPath: spec, outDir: join(dir, "out"), log: () => {} });
    expect(existsSync(join(dir, "out", "ingest.json"))).toBe(true);
  });

  it("refuses an --out holding an extract the spec names by an absolute path elsewhere", async () => {
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, "convictions.csv"), readFileSync("fixtures/ungifokus/convictions.csv"));
    const { spec } = smallSpec({ change: (s) => (s.extracts.convictions.file = join(elsewhere, "convictions.csv")) });
    expect(await stopMessage(runPipeline({ specPath: spec, outDir: elsewhere, force: true, log: () => {} }))).toContain("convictions.csv");
    expect(readdirSync(elsewhere)).toEqual(["convictions.csv"]);
  });
});

describe("one run at a time in a folder", () => {
  it("of two runs started at once into one folder, one stops at once and the other's files are all of one as-of date", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    const runs = await Promise.allSettled([
      runPipeline({ specPath: spec, outDir: out, asOf: "2026-09-30", log: () => {} }),
      runPipeline({ specPath: spec, outDir: out, asOf: "2026-06-30", log: () => {} }),
    ]);
    const failed = runs.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(StopRun);
    expect(String((failed[0]!.reason as StopRun).issues[0]!.message)).toMatch(new RegExp(`another effekt run \\(process ${process.pid} on .*\\) is writing into this folder now`));
    const winner = runs.findIndex((r) => r.status === "fulfilled") === 0 ? "2026-09-30" : "2026-06-30";
    expect(manifestOf(out).asOf).toBe(winner);
    for (const file of ["ingest.json", "assignment.json", "effects.json"]) expect(JSON.parse(read(out, file)).asOf ?? winner).toBe(winner);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it("a second command-line run into a folder in use stops at once with exit 1", () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    mkdirSync(out);
    // A live process holds the lock: this test's own.
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ tool: "effekt", pid: process.pid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const result = spawnSync(process.execPath, ["bin/effekt.js", "run", spec, "--out", out], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`another effekt run (process ${process.pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z) is writing into this folder now`);
    expect(readdirSync(out)).toEqual([LOCK_FILE]);
  });

  it("takes over the lock of a run that was killed (its process is gone), saying so", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    mkdirSync(out);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ tool: "effekt", pid: gone, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const lines: string[] = [];
    await runStage("ingest", { specPath: spec, outDir: out, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toContain(`the lock of a run that no longer runs (process ${gone}, started 2026-01-01T00:00:00.000Z) is taken over`);
    expect(existsSync(join(out, "ingest.json"))).toBe(true);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it("a lock from another host is not guessed stale: the run stops, naming the host and the lock file", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ tool: "effekt", pid: 1, host: "elsewhere.example", startedAt: "2026-01-01T00:00:00.000Z" }));
    const message = await stopMessage(runStage("ingest", { specPath: spec, outDir: out, log: () => {} }));
    expect(message).toContain("on elsewhere.example");
    expect(message).toContain(LOCK_FILE);
  });

  it("releases the lock when a run stops on its input, so the next run goes ahead", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    const broken = JSON.parse(read(dir, "spec.json"));
    broken.extracts.convictions.file = "/nonexistent/convictions.csv";
    writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
    await expect(runStage("ingest", { specPath: join(dir, "broken.json"), outDir: out, log: () => {} })).rejects.toThrow("required extract 'convictions' not found");
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    await runStage("ingest", { specPath: spec, outDir: out, log: () => {} });
    expect(existsSync(join(out, "ingest.json"))).toBe(true);
  });

  it("releases the lock on SIGTERM: a run killed by the signal leaves no lock behind", async () => {
    const { dir, spec } = smallSpec();
    const out = join(dir, "out");
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["bin/effekt.js", "run", spec, "--out", out], { stdio: "ignore" });
    let ended = false;
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => ((ended = true), done(signal))));
    while (!ended && !existsSync(join(out, LOCK_FILE))) await new Promise((done) => setTimeout(done, 20));
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });
});

describe("--out naming a file", () => {
  it("is exit 1 with a message, not an internal error", async () => {
    const { dir, spec } = smallSpec();
    const file = join(dir, "a-file.txt");
    writeFileSync(file, "x");
    expect(await quiet(["run", spec, "--out", file])).toBe(1);
    expect(stderr).toContain("--out names a file, not a folder");
    expect(stderr).not.toMatch(/ENOTDIR|internal error/);
    expect(await quiet(["ingest", spec, "--out", join(file, "below")])).toBe(1);
    expect(stderr).not.toMatch(/ENOTDIR|internal error/);
    expect(read(dir, "a-file.txt")).toBe("x");
  });
});

describe("estimate --table and portfolio never overwrite a file they did not write", () => {
  const tableOptions = (outDir: string, extra: Partial<TableRunOptions> = {}): TableRunOptions => ({
    file: "fixtures/reference/estimate-anorexia.csv",
    treatment: "arm",
    control: "Cont",
    outcomes: ["postwt"],
    binary: [],
    counts: [],
    exposure: null,
    survival: null,
    covariates: [],
    categorical: [],
    missingCovariates: "stop",
    blocks: null,
    subgroups: [],
    permutations: 0,
    seed: 1,
    confidence: 0.95,
    outDir,
    log: () => {},
    ...extra,
  });

  it("estimate --table refuses a folder holding someone's effects.json, with or without --force; writes again into its own", async () => {
    const out = tempDir();
    writeFileSync(join(out, "effects.json"), "someone's effects");
    expect(await stopMessage(estimateFromTable(tableOptions(out)))).toContain("not written by effekt estimate --table");
    expect(await stopMessage(estimateFromTable(tableOptions(out, { force: true })))).toContain("effects.json is in the way");
    expect(read(out, "effects.json")).toBe("someone's effects");
    const own = tempDir();
    await estimateFromTable(tableOptions(own));
    const first = read(own, "effects.json");
    await estimateFromTable(tableOptions(own, { outcomes: ["prewt"] }));
    expect(read(own, "effects.json")).not.toBe(first);
    expect(JSON.parse(read(own, MARKER_FILE))).toMatchObject({ kind: "table", files: ["effects.csv", "effects.json"] });
  });

  it("estimate --table refuses a run folder, and a folder holding its table", async () => {
    const { dir, spec } = smallSpec();
    const run = join(dir, "out");
    await runStage("ingest", { specPath: spec, outDir: run, log: () => {} });
    expect(await stopMessage(estimateFromTable(tableOptions(run)))).toContain("this folder was written by effekt run (or one of its stages), not by effekt estimate --table");
    const tableDir = tempDir();
    writeFileSync(join(tableDir, "t.csv"), readFileSync("fixtures/reference/estimate-anorexia.csv"));
    expect(await stopMessage(estimateFromTable(tableOptions(tableDir, { file: join(tableDir, "t.csv"), force: true })))).toContain("holds, an input");
  });

  it("portfolio refuses a folder holding someone's status.html (--force too), and a run folder as --out", async () => {
    const out = tempDir();
    writeFileSync(join(out, "status.html"), "someone's page");
    const runA = tempDir();
    const runB = tempDir();
    expect(await quiet(["portfolio", runA, runB, "--out", out])).toBe(1);
    expect(stderr).toContain("not written by effekt portfolio");
    stderr = "";
    expect(await quiet(["portfolio", runA, runB, "--out", out, "--force"])).toBe(1);
    expect(stderr).toContain("status.html is in the way");
    expect(read(out, "status.html")).toBe("someone's page");
    stderr = "";
    expect(await quiet(["portfolio", runA, runB, "--out", runA])).toBe(1);
    expect(stderr).toContain("--out is, or holds, an input");
  });
});
