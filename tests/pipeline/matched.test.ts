/** The release pilot as a matched comparison: balance before and after matching, and never called causal. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";
import { AssignmentArtefact } from "../../src/assign/schema.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { sharedRun } from "../runs/sharedRun.ts";

const log = () => {};

describe("the matched comparison (fixtures/release/spec-matched.json)", () => {
  let out = "";
  const ready = sharedRun("matched").then((dir) => (out = dir));
  const read = (file: string) => JSON.parse(readFileSync(join(out, file), "utf8"));

  it("matches every programme person within a stratum of the matching variables, comparison persons from the same stratum only", async () => {
    await ready;
    const assignment = AssignmentArtefact.parse(read("assignment.json"));
    expect(assignment.design).toMatchObject({ mode: "matched", randomised: false });
    const matching = assignment.matching!;
    const participation = parse(readFileSync("fixtures/release/participation.csv", "utf8"), { columns: true, delimiter: ";" }) as Record<string, string>[];
    const rows = parse(readFileSync(join(out, "work/assignments.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const programme = rows.filter((r) => r.arm === "programme");
    const comparison = rows.filter((r) => r.arm === "comparison");
    expect(programme.length).toBe(matching.matched);
    expect(comparison.length).toBe(matching.drawn);
    expect(matching.drawn).toBe(matching.matched); // ratio 1: one comparison person per matched programme person
    const unmatched = parse(readFileSync(join(out, "work/assignment-issues.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(unmatched.filter((r) => Object.values(r).includes("unmatched")).length).toBe(matching.unmatched);
    expect(matching.matched + matching.unmatched).toBe(matching.programme);
    expect(matching.programme).toBe(participation.length);
    const programmeStrata = new Set(programme.map((r) => r.block));
    for (const r of comparison) expect(programmeStrata.has(r.block!), r.block).toBe(true);
    for (const stratum of programmeStrata) {
      const treated = programme.filter((r) => r.block === stratum).length;
      expect(comparison.filter((r) => r.block === stratum).length, stratum).toBe(treated);
    }
  });

  it("reports balance both before matching (programme vs whole pool) and after", async () => {
    await ready;
    const assignment = AssignmentArtefact.parse(read("assignment.json"));
    const before = assignment.matching!.balanceBefore!;
    expect(before.rows.length).toBeGreaterThan(0);
    expect(assignment.balance.rows.length).toBeGreaterThan(0);
    expect(before.rows.map((r) => r.covariate)).toEqual(assignment.balance.rows.map((r) => r.covariate));
    expect(before.omnibus[0]!.strata).toBe("none");
    const html = readFileSync(join(out, "report/report.html"), "utf8");
    expect(readFileSync(join(out, "report/balance_before_matching.csv"), "utf8").split("\n").length).toBeGreaterThan(2);
    expect(html).toContain('id="table-balance_before_matching"');
  });

  it("keeps every KPI of the randomised spec, on the same outcomes, for the programme arm (none relabelled)", async () => {
    await ready;
    const randomised = JSON.parse(readFileSync("fixtures/release/spec.json", "utf8")).kpis as { id: string; outcome: string }[];
    const effects = EffectsArtefact.parse(read("effects.json"));
    expect(effects.kpis.map((k) => [k.id, k.outcome])).toEqual(randomised.map((k) => [k.id, k.outcome]));
    for (const k of effects.kpis) expect(k.arm, k.id).toBe("programme");
  });

  it("never calls a difference causal: every estimate is flagged not randomised, and the report says so", async () => {
    await ready;
    const effects = EffectsArtefact.parse(read("effects.json"));
    expect(effects.design).toMatch(/^not randomised/);
    expect(effects.estimates.length).toBeGreaterThan(0);
    for (const e of effects.estimates) expect(e.randomised, `${e.outcome} ${e.estimator}`).toBe(false);
    const html = readFileSync(join(out, "report/report.html"), "utf8");
    expect(html).toContain("Ikke randomiseret");
    expect(html).toMatch(/Programdeltagere: \d+, heraf matchet /);
    expect(html).toContain("Grovkornet eksakt matchning");
    // The bands come from assignment.json's match_on as data, in Danish numbers and words (no English prose parsed).
    expect(html).toMatch(/\(grænser ved 30, 40[,)]/);
    expect(html).not.toContain("bands at");
    expect(html).toContain("ikke kausale effekter");
    expect(html).not.toMatch(/kausal effekt af programmet/i);
  });

  it("stops, naming the covariate, when a release has no admission date (time served is never guessed as 0)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-matched-input-"));
    for (const sub of ["release", "codes", "business-cases"]) cpSync(join("fixtures", sub), join(dir, sub), { recursive: true });
    const releases = readFileSync(join(dir, "release/releases.csv"), "utf8").split("\n");
    releases[1] = releases[1]!.replace(/;[0-9-]+$/, ";");
    writeFileSync(join(dir, "release/releases.csv"), releases.join("\n"));
    const run = runPipeline({ specPath: join(dir, "release/spec-matched.json"), outDir: join(dir, "out"), log });
    await expect(run).rejects.toThrow(/covariate 'days_served' \(days_served_before_start\) cannot be worked out for 1 person/);
  });
});
