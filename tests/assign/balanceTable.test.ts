/**
 * Baseline balance against R (fixtures/reference/balance.R → balance.json): means, SDs,
 * SMDs, Welch t (t.test), Pearson χ² (chisq.test, correct = FALSE) and the omnibus test
 * (RItools 0.3-5 xBalance, unstratified and by block), to 1e-8 relative.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { balanceRows, type CovariateValues } from "../../src/assign/balanceTable.ts";
import { omnibusBalance } from "../../src/stats/omnibusBalance.ts";
import { expectRelativelyClose } from "../helpers.ts";

const reference = JSON.parse(readFileSync("fixtures/reference/balance.json", "utf8"));
const sets = {
  ungifokus: { continuous: ["age", "support_weeks_before"], binary: ["female", "psych_admission_before"], categorical: ["target_group"] },
  synthetic: { continuous: ["x", "w"], binary: ["b"], categorical: ["f"] },
} as const;

for (const [name, types] of Object.entries(sets)) {
  describe(`balance on the ${name} reference set`, () => {
    const rows = parse(readFileSync(`fixtures/reference/balance-${name}.csv`, "utf8"), { columns: true }) as Record<string, string>[];
    const treated = rows.filter((r) => r.z === "1");
    const control = rows.filter((r) => r.z === "0");
    const covariate = (id: string, type: CovariateValues["type"]): CovariateValues => {
      const pick = (group: Record<string, string>[]) => group.map((r) => (type === "categorical" ? r[id]! : Number(r[id])));
      return { id, type, arm: pick(treated), control: pick(control) };
    };
    const all = [
      ...types.continuous.map((id) => covariate(id, "continuous")),
      ...types.binary.map((id) => covariate(id, "binary")),
      ...types.categorical.map((id) => covariate(id, "categorical")),
    ];

    it("balanceRows(covariate) = R's means, SDs, SMDs and per-covariate tests", () => {
      const ours = all.flatMap((c) => balanceRows(c, "treatment", "control", 0.1));
      const expected = reference[name].rows;
      expect(ours.map((r) => `${r.covariate}|${r.level}`)).toEqual(expected.map((r: any) => `${r.covariate}|${r.level}`));
      ours.forEach((row, i) => {
        const r = expected[i];
        const label = `${name} ${row.covariate} ${row.level ?? ""}`;
        expectRelativelyClose(row.arms[0]!.mean!, r.meanArm, 1e-12, `${label} mean (arm)`);
        expectRelativelyClose(row.arms[1]!.mean!, r.meanControl, 1e-12, `${label} mean (control)`);
        expectRelativelyClose(row.arms[0]!.sd!, r.sdArm, 1e-10, `${label} sd (arm)`);
        expectRelativelyClose(row.arms[1]!.sd!, r.sdControl, 1e-10, `${label} sd (control)`);
        expectRelativelyClose(row.smd!, r.smd, 1e-8, `${label} smd`);
        expectRelativelyClose(row.statistic!, r.statistic, 1e-8, `${label} statistic`);
        expectRelativelyClose(row.df!, r.df, 1e-8, `${label} df`);
        expectRelativelyClose(row.p!, r.p, 1e-8, `${label} p`);
      });
    });

    it("omnibusBalance = RItools::xBalance chi-square, df and p, unstratified and by block", () => {
      const z = [...treated, ...control].map((r) => Number(r.z));
      const columns: number[][] = [];
      for (const c of all) {
        const values = [...c.arm, ...c.control];
        if (c.type === "categorical") for (const level of [...new Set(values.map(String))].sort()) columns.push(values.map((v) => Number(v === level)));
        else columns.push(values as number[]);
      }
      const blocks = [...treated, ...control].map((r) => r.block!);
      for (const [strata, labels] of [["none", blocks.map(() => "all")], ["blocks", blocks]] as const) {
        const ours = omnibusBalance(z, columns, labels);
        const r = reference[name].omnibus[strata];
        expect(ours.df, `${name} ${strata} df`).toBe(r.df);
        expectRelativelyClose(ours.chiSquare, r.chiSquare, 1e-8, `${name} ${strata} chi-square`);
        expectRelativelyClose(ours.p, r.p, 1e-8, `${name} ${strata} p`);
      }
    });
  });
}

describe("balanceRows edge cases", () => {
  it("a constant covariate gets no SMD and no test, and is not flagged", () => {
    const [row] = balanceRows({ id: "k", type: "continuous", arm: [3, 3, 3], control: [3, 3] }, "t", "c", 0.1);
    expect(row).toMatchObject({ smd: null, p: null, flagged: false, difference: 0 });
  });

  it("a single member in an arm gives a mean but no SD, SMD or test", () => {
    const [row] = balanceRows({ id: "k", type: "continuous", arm: [5], control: [1, 2, 3] }, "t", "c", 0.1);
    expect(row!.arms[0]).toEqual({ arm: "t", n: 1, mean: 5, sd: null });
    expect(row!.p).toBeNull();
  });

  it("flags |SMD| above the threshold", () => {
    const [row] = balanceRows({ id: "b", type: "binary", arm: [1, 1, 1, 0], control: [0, 0, 0, 1] }, "t", "c", 0.1);
    expect(row!.flagged).toBe(true);
    expect(row!.smd).toBeCloseTo(0.5 / Math.sqrt(0.1875), 12);
  });
});
