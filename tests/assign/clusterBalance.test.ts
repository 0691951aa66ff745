// Cluster means by hand; the Welch test on them is R's t.test(c(2, 4), c(0, 2)): t = 1.41421356, df = 2, p = 0.29289322.
import { describe, expect, it } from "vitest";
import { clusterBalance } from "../../src/assign/clusterBalance.ts";
import type { PersonRow } from "../../src/assign/schema.ts";
import { expectRelativelyClose } from "../helpers.ts";

const values: Record<string, { x: string; g: string }> = {
  a1: { x: "1", g: "u" }, a2: { x: "3", g: "" }, b1: { x: "4", g: "u" },
  c1: { x: "0", g: "" }, d1: { x: "2", g: "u" }, d2: { x: "2", g: "" },
};
const personOf = new Map(Object.entries(values).map(([id, v]) => [id, { personId: id, ...v } as unknown as PersonRow]));
const arm = new Map([["B", ["b1"]], ["A", ["a1", "a2"]]]);
const control = new Map([["C", ["c1"]], ["D", ["d1", "d2"]]]);
const typeOf = new Map([["x", "continuous"], ["g", "categorical"]] as const);

describe("clusterBalance(armClusters, controlClusters, …)", () => {
  const balance = clusterBalance(arm, control, "treatment", "control", ["x", "g", "unknown"], typeOf, personOf, 0.1);

  it("clusterBalance counts clusters, not persons, and names the comparison", () => {
    expect(balance.comparison).toBe("treatment vs control");
    expect(balance.clusters).toEqual({ treatment: 2, control: 2 });
  });
  it("clusterBalance(x) compares cluster means 2, 4 with 0, 2: difference 2, SMD 2 / √((2 + 2) / 2), Welch as R", () => {
    const x = balance.rows.find((r) => r.covariate === "x")!;
    expect(x).toMatchObject({ level: null, type: "continuous", difference: 2, flagged: true });
    expectRelativelyClose(x.smd!, Math.SQRT2, 1e-12, "SMD");
    expectRelativelyClose(x.statistic!, 1.414213562373095, 1e-10, "t");
    expectRelativelyClose(x.df!, 2, 1e-10, "df");
    expectRelativelyClose(x.p!, 0.292893218813452, 1e-9, "p");
  });
  it("clusterBalance(g categorical) gives one row per level, missing included: shares 0.5, 1 against 0, 0.5 at u", () => {
    const g = balance.rows.filter((r) => r.covariate === "g");
    expect(g.map((r) => r.level)).toEqual(["(missing)", "u"]);
    expect(g.map((r) => r.type)).toEqual(["categorical", "categorical"]);
    expect(g[1]!.arms.map((a) => a.mean)).toEqual([0.75, 0.25]);
    expect(g[1]!.difference).toBeCloseTo(0.5, 12);
    expect(g[0]!.difference).toBeCloseTo(0.25 - 0.75, 12);
  });
  it("clusterBalance leaves out a covariate without a type", () => {
    expect(balance.rows.some((r) => r.covariate === "unknown")).toBe(false);
  });
  it("clusterBalance(arm without clusters) has no rows", () => {
    expect(clusterBalance(new Map(), control, "treatment", "control", ["x"], typeOf, personOf, 0.1)).toEqual({ comparison: "treatment vs control", clusters: { treatment: 0, control: 2 }, rows: [] });
  });
});
