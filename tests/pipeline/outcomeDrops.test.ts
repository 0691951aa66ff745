/**
 * `effekt estimate --table` counts the persons it leaves out of an outcome for lacking its value, per arm, on every
 * estimate of that outcome: in effects.json, effects.csv and the terminal. The table below is written out by hand,
 * so the counts are read off it: y lacks 2 values in the arm and 1 in control, yb lacks none in the arm and 3 in
 * control, and x (a covariate) lacks none.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROWS = [
  "arm,x,y,yb",
  "treatment,1,3.1,1", "treatment,2,,0", "treatment,3,4.0,1", "treatment,4,NA,1", "treatment,5,2.2,0", "treatment,6,5.5,1", "treatment,7,3.3,0",
  "control,1,2.0,", "control,2,1.5,0", "control,3,,1", "control,4,2.8,", "control,5,3.0,0", "control,6,1.1,", "control,7,2.4,1", "control,8,0.9,0",
];

describe("estimate --table: missing outcome values counted per arm", () => {
  const dir = mkdtempSync(join(tmpdir(), "effekt-drops-"));
  const file = join(dir, "table.csv");
  writeFileSync(file, ROWS.join("\n") + "\n");
  const out = join(dir, "out");
  const result = spawnSync(process.execPath, ["bin/effekt.js", "estimate", "--table", file, "--treatment", "arm", "--control", "control", "--outcomes", "y,yb", "--binary", "yb", "--covariates", "x", "--out", out], { encoding: "utf8" });
  const counts = { y: { treated: 2, control: 1 }, yb: { treated: 0, control: 3 } } as const;

  it("every estimate of an outcome carries outcome_missing_left_out with the counts per arm", () => {
    expect(result.status, result.stderr).toBe(0);
    const effects = JSON.parse(readFileSync(join(out, "effects.json"), "utf8"));
    for (const outcome of ["y", "yb"] as const) {
      const estimates = effects.estimates.filter((e: { outcome: string }) => e.outcome === outcome);
      expect(estimates.length).toBeGreaterThan(2);
      for (const e of estimates) expect(e.notes, e.estimator).toContainEqual({ code: "outcome_missing_left_out", params: counts[outcome] });
      // The persons counted are those left out: 7 − 2 and 8 − 1 for y, 7 and 8 − 3 for yb.
      expect(estimates[0].n_treated + counts[outcome].treated).toBe(7);
      expect(estimates[0].n_control + counts[outcome].control).toBe(8);
    }
  });

  it("effects.csv has the note's token on every row, and the terminal one line per outcome", () => {
    const csv = readFileSync(join(out, "effects.csv"), "utf8").trim().split("\n").slice(1);
    for (const row of csv) expect(row).toMatch(row.startsWith("y,") ? /outcome_missing_left_out\(treated=2,control=1\)/ : /outcome_missing_left_out\(treated=0,control=3\)/);
    const terminal = result.stdout + result.stderr;
    expect(terminal).toContain("y (treatment vs control): outcome missing, left out: 2 in the arm, 1 in the control arm");
    expect(terminal).toContain("yb (treatment vs control): outcome missing, left out: 0 in the arm, 3 in the control arm");
  });
});
