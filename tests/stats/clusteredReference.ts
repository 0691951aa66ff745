/** The clustered reference sets of fixtures/reference/clustered.R (estimatr 1.0, sandwich, clubSandwich, survival, car), shared by their mirror tests. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { ClusterSe } from "../../src/stats/clusterRobust.ts";
import { expectRelativelyClose } from "../helpers.ts";

export const reference = JSON.parse(readFileSync("fixtures/reference/clustered.json", "utf8"));
export const rows = (name: string) => parse(readFileSync(`fixtures/reference/clustered-${name}.csv`, "utf8"), { columns: true }) as Record<string, string>[];
export const column = (data: Record<string, string>[], name: string) => data.map((r) => Number(r[name]));
export const intercept = (n: number) => ({ name: "(Intercept)", values: new Array<number>(n).fill(1) });
export const expected = (model: string, term = "z") => {
  const found = reference.estimates.find((e: { model: string; term: string }) => e.model === model && e.term === term);
  if (!found) throw new Error(`no reference for ${model} ${term}`);
  return found;
};
export const tolerance = 1e-8;
/** Our small-sample types and estimatr's names for them. */
export const types: [ClusterSe, string][] = [["CR2", "CR2"], ["CR1", "stata"], ["CR0", "CR0"]];

/** Estimate, SE, df, p and the interval at 1e-8 relative (p also at 1e-300 absolute). */
export function expectAsR(got: { estimate: number; standardError: number; df: number; p: number; confidenceInterval: readonly [number, number] }, want: Record<string, number>, label: string): void {
  expectRelativelyClose(got.estimate, want.estimate!, tolerance, `${label} estimate`);
  expectRelativelyClose(got.standardError, want.std_error!, tolerance, `${label} SE`);
  expectRelativelyClose(got.df, want.df!, tolerance, `${label} df`);
  if (Math.abs(got.p - want.p_value!) > 1e-300) expectRelativelyClose(got.p, want.p_value!, tolerance, `${label} p`);
  expectRelativelyClose(got.confidenceInterval[0], want.conf_low!, tolerance, `${label} low`);
  expectRelativelyClose(got.confidenceInterval[1], want.conf_high!, tolerance, `${label} high`);
}

/** The within-school design: 12 schools, classes nested in them, both arms in every school. */
export function schoolsDesign() {
  const schools = rows("schools");
  const n = schools.length;
  const z = schools.map((r) => (r.arm === "treatment" ? 1 : 0));
  const x = column(schools, "x");
  const xMean = x.reduce((a, b) => a + b, 0) / n;
  return { schools, n, z, x, xc: x.map((v) => v - xMean), school: schools.map((r) => r.school!), klass: schools.map((r) => r.class!), y: column(schools, "y") };
}

/** The three-arm design (arms control, a, b; clusters; covariate w). */
export function threeArmDesign() {
  const three = rows("threearm");
  return {
    three,
    m: three.length,
    a: three.map((r) => (r.arm === "a" ? 1 : 0)),
    b: three.map((r) => (r.arm === "b" ? 1 : 0)),
    y: column(three, "y"),
  };
}
