/**
 * Bad dates and empty cohorts (issue 25, part 10): an as-of date before enrolment, no one
 * enrolled, no one assigned yet, an arm still empty — each stops with exit 1 and a sentence,
 * at the stage that knows it; and no schema dump ever reaches the terminal: a bug is exit 70
 * in one line with the hint to rerun with EFFEKT_DEBUG=1.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { guarded } from "../../pipeline/commands/command.ts";
import { writeArtefact } from "../../pipeline/io/artefactStore.ts";
import { messages } from "../../src/messages.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-cohort-"));
/** What a zod error dump looks like on a terminal: none of it may show. */
const ZOD_DUMP = /received|invalid_type|"expected"|"path"|ZodError|\[\s*\{/;

/** The shipped spec with its first `persons` persons, enrolment opening 2021-09-01 (the first referral is 2021-09-16), in a folder of its own. */
function smallSpec(persons: number): string {
  const dir = tempDir();
  const spec = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
  const base = resolve("fixtures/ungifokus");
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  delete spec.assumptions;
  delete spec.contract;
  delete spec.portfolio;
  spec.enrolment.from = "2021-09-01";
  const population = readFileSync(join(base, "population.csv"), "latin1").split("\n");
  writeFileSync(join(dir, "population.csv"), population.slice(0, persons + 1).join("\n") + "\n", "latin1");
  spec.extracts.population.file = "population.csv";
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  return join(dir, "spec.json");
}

let stderr = "";
async function cli(args: string[]): Promise<number> {
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return await main(args);
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

describe("an as-of date no one can be evaluated by", () => {
  it("--as-of 2021-06-30 on the shipped example (enrolment opens 2021-10-01) stops at once: exit 1, a sentence, no schema dump", () => {
    const out = tempDir();
    const result = spawnSync(process.execPath, ["bin/effekt.js", "run", "fixtures/ungifokus/spec.json", "--as-of", "2021-06-30", "--out", out], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(messages.asOfBeforeEnrolment("2021-06-30", "2021-10-01"));
    expect(result.stderr).toContain("fixtures/ungifokus/spec.json $.enrolment.from:");
    expect(result.stderr).not.toMatch(ZOD_DUMP);
    expect(result.stderr.trim().split("\n")).toHaveLength(2);
  });

  it("no one referred by the as-of date: ingest stops, counting the persons who wait", async () => {
    const spec = smallSpec(10);
    expect(await cli(["run", spec, "--as-of", "2021-09-10", "--out", join(tempDir(), "out")])).toBe(1);
    expect(stderr).toContain(messages.noOneEnrolled("2021-09-10", 10));
    expect(stderr).not.toMatch(ZOD_DUMP);
  });

  it("persons enrolled but their batch not yet randomised: assign stops, saying how many wait", async () => {
    // 2021-09-25: UF00001–UF00003 referred (2021-09-16, -21, -21), batch 2021Q3 ends 2021-09-30.
    const spec = smallSpec(10);
    expect(await cli(["run", spec, "--as-of", "2021-09-25", "--out", join(tempDir(), "out")])).toBe(1);
    expect(stderr).toContain(messages.noOneAssigned("2021-09-25", 3, 3));
    expect(stderr).not.toMatch(ZOD_DUMP);
  });

  it("one person randomised, so one arm is empty: assign stops in words (exit 1), after recording the allocation (it never moves)", async () => {
    // 2021-10-01: only UF00001 is in the population; batch 2021Q3 has ended, so they are randomised — to one arm.
    const spec = smallSpec(1);
    expect(await cli(["run", spec, "--as-of", "2021-10-01", "--out", join(tempDir(), "out")])).toBe(1);
    expect(stderr).toMatch(/by the as-of date 2021-10-01 no one is assigned to arm '(control|treatment)' \(assigned: control [01], treatment [01]\), so no group can be compared/);
    expect(stderr).not.toMatch(ZOD_DUMP);
    expect(readFileSync(join(spec, "..", "ungifokus.allocation-log.csv"), "utf8")).toMatch(/\n1,UF00001,2021Q3,/);
  });
});

describe("a bug is one line and exit 70, never a schema dump", () => {
  it("guarded: a schema error thrown by a stage is exit 70, names where, hints EFFEKT_DEBUG=1; the dump only with it", async () => {
    const broken = () => z.object({ balance: z.object({ rows: z.array(z.object({ difference: z.number() })) }) }).parse({ balance: { rows: [{ difference: NaN }] } });
    const before = process.env.EFFEKT_DEBUG;
    delete process.env.EFFEKT_DEBUG;
    try {
      stderr = "";
      vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
      expect(await guarded("run", async () => broken() as never)).toBe(70);
      expect(stderr).toBe(`effekt run: ${messages.internalError("a value did not match its schema (at balance.rows.0.difference)")}\n`);
      expect(stderr).toContain("rerun with EFFEKT_DEBUG=1");
      expect(stderr).not.toMatch(ZOD_DUMP);
      stderr = "";
      process.env.EFFEKT_DEBUG = "1";
      expect(await guarded("run", async () => broken() as never)).toBe(70);
      expect(stderr).toContain("received NaN");
    } finally {
      vi.restoreAllMocks();
      if (before === undefined) delete process.env.EFFEKT_DEBUG;
      else process.env.EFFEKT_DEBUG = before;
    }
  });

  it("writeArtefact refuses an artefact its schema does not take with one line naming the file and the place; the zod error is its cause", async () => {
    const dir = tempDir();
    const error = await writeArtefact({ outDir: dir, specDir: dir, spec: null }, "manifest", { artefact: "manifest", schema_version: 1, inputs: "not a list" }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(/^manifest\.json did not match its schema when written \(at [a-zA-Z_.0-9]+, and \d+ more\)$/);
    expect(error!.message).not.toMatch(ZOD_DUMP);
    expect(error!.cause).toBeInstanceOf(z.ZodError);
  });
});
