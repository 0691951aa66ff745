/** --compare takes only an earlier run of the same evaluation and population (issue 26, part 6). */
import { describe, expect, it } from "vitest";
import { checkPreviousRun } from "../../src/report/checkPreviousRun.ts";

const population = { extract: "population", sha256: "a".repeat(64) };
const current = { evaluation: "ungifokus", population, asOf: "2026-09-30" };
const check = (previous: { evaluation: string; asOf: string; population?: { extract: string; sha256: string } }) => checkPreviousRun(current, previous, "output/q2", "output/q2/manifest.json");

describe("checkPreviousRun(current, previous manifest)", () => {
  it("accepts the same evaluation and population as of an earlier date", () => {
    expect(check({ evaluation: "ungifokus", population, asOf: "2026-06-30" })).toBeNull();
  });

  it("refuses a run of another evaluation, naming both", () => {
    const found = check({ evaluation: "release", population, asOf: "2026-06-30" })!;
    expect(found).toMatchObject({ code: "compare_other_evaluation", file: "output/q2/manifest.json", path: ["evaluation"] });
    expect(found.message).toContain("evaluation 'release', this one is 'ungifokus'");
  });

  it("refuses a run on another population, and one whose manifest does not say", () => {
    expect(check({ evaluation: "ungifokus", population: { extract: "population", sha256: "b".repeat(64) }, asOf: "2026-06-30" })!.code).toBe("compare_other_population");
    expect(check({ evaluation: "ungifokus", asOf: "2026-06-30" })!.code).toBe("compare_no_population");
  });

  it("refuses a run as of the same or a later date", () => {
    expect(check({ evaluation: "ungifokus", population, asOf: "2026-09-30" })).toMatchObject({ code: "compare_not_earlier", path: ["asOf"] });
    expect(check({ evaluation: "ungifokus", population, asOf: "2026-09-30" })!.message).toContain("the same date as");
    expect(check({ evaluation: "ungifokus", population, asOf: "2026-12-31" })!.message).toContain("as of 2026-12-31, after this run's 2026-09-30");
  });
});
