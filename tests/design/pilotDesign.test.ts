import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { designCommand } from "../../pipeline/commands/design.ts";
import { UsageError } from "../../pipeline/commands/command.ts";
import { breakEvenEffect, pilotDesign } from "../../src/design/pilotDesign.ts";
import { projectCase } from "../../src/project/projectCase.ts";
import { minimumDetectableProportion, powerTwoProportions } from "../../src/stats/power.ts";

const release = projectCase(JSON.parse(readFileSync("fixtures/business-cases/release-000.json", "utf8")), "release-000", null);

describe("pilot design", () => {
  it("the release case breaks even at 0.5 × 139,500 / 1,261,485 = 5.5 percentage points in work", () => {
    expect(breakEvenEffect(release, 0.5)).toBeCloseTo((0.5 * 139500) / 1261485, 12);
  });

  it("100 per arm from a 30 % base: power at 50 %, the detectable effect, and that 5.5 points cannot be detected", () => {
    const design = pilotDesign({ n: 100, base: 0.3, target: 0.5, alpha: 0.05, power: 0.8 }, { projection: release, statedEffect: 0.5 });
    expect(design.powerAtTarget).toBeCloseTo(powerTwoProportions(100, 0.3, 0.5), 12);
    expect(design.powerAtTarget).toBeCloseTo(0.8281094, 6); // R: power.prop.test(n = 100, p1 = .3, p2 = .5)$power
    expect(design.minimumDetectableShare).toBeCloseTo(minimumDetectableProportion(100, 0.3, 0.8), 12);
    expect(design.breakEven!.detectable).toBe(false);
    expect(design.breakEven!.explanation).toContain("1130 per arm");
  });

  it("effekt design prints the same and exits 0", () => {
    const result = spawnSync(process.execPath, ["bin/effekt.js", "design", "--n", "100", "--base", "0.3", "--target", "0.5"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("persons per arm needed for 80.0 %: 93");
    expect(spawnSync(process.execPath, ["bin/effekt.js", "design", "--base", "2"], { encoding: "utf8" }).status).toBe(2);
  });
});

describe("effekt design --looks", () => {
  it("prints rpact's O'Brien–Fleming boundaries, the inflation factor and persons per arm (R: getSampleSizeRates(getDesignGroupSequential(kMax = 4, alpha = 0.05, sided = 2), pi1 = 0.55, pi2 = 0.4): maximum 352.39 in all)", () => {
    const result = spawnSync(process.execPath, ["bin/effekt.js", "design", "--looks", "4", "--base", "0.4", "--target", "0.55"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("   2       50.0 %      2.9631"); // rpact criticalValues[2] 2.963132
    expect(result.stdout).toContain("   4      100.0 %      2.0141"); // 2.014090
    expect(result.stdout).toContain("at most 177 with 4 looks"); // ⌈352.386 / 2⌉
  });
  it("refuses looks that do not increase to 1, an HSD γ outside [−10, 5], two-sided futility and half a pair of shares (usage errors)", async () => {
    const bad: Array<Record<string, string>> = [{ looks: "0.5,0.4,1" }, { looks: "0.3,0.7" }, { looks: "3", spending: "hsd:9" }, { looks: "3", futility: "obf" }, { looks: "3", base: "0.4" }];
    for (const values of bad) await expect(Promise.resolve().then(() => designCommand.run(values, [])), JSON.stringify(values)).rejects.toThrow(UsageError);
  });
});
