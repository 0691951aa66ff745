/** The analysis plan, its hash and its deviations (src/spec/analysisPlan.ts). */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, planDeviations, planHash } from "../../src/spec/analysisPlan.ts";

describe("canonicalJson and planHash", () => {
  it("canonicalJson sorts keys at every level, keeps array order, drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: "x" }, e: undefined })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
  });
  it("planHash is the SHA-256 of that text, whatever the key order", () => {
    const expected = createHash("sha256").update('{"a":1,"b":[1,2]}').digest("hex");
    expect(planHash({ b: [1, 2], a: 1 })).toBe(expected);
    expect(planHash({ a: 1, b: [1, 2] })).toBe(expected);
    expect(planHash({ a: 1, b: [2, 1] })).not.toBe(expected);
  });
});

describe("planDeviations(locked, now)", () => {
  it("is empty for the same plan in another key order", () => {
    expect(planDeviations({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });
  it("names each changed leaf by its JSON path, with both values", () => {
    const locked = { primaryOutcome: "education_24m", outcomes: [{ id: "x", windowMonths: 12 }], estimation: { confidence: 0.95 } };
    const now = { primaryOutcome: "self_supporting_24m", outcomes: [{ id: "x", windowMonths: 24 }], estimation: { confidence: 0.9 } };
    expect(planDeviations(locked, now)).toEqual([
      { path: "estimation.confidence", locked: "0.95", now: "0.9" },
      { path: "outcomes[0].windowMonths", locked: "12", now: "24" },
      { path: "primaryOutcome", locked: '"education_24m"', now: '"self_supporting_24m"' },
    ]);
  });
  it("names an added and a removed entry", () => {
    expect(planDeviations({ outcomes: [{ id: "a" }] }, { outcomes: [{ id: "a" }, { id: "b" }] })).toEqual([{ path: "outcomes[1]", locked: "(absent)", now: '{"id":"b"}' }]);
    expect(planDeviations({ subgroups: ["sex"], alpha: 1 }, { alpha: 1 })).toEqual([{ path: "subgroups", locked: '["sex"]', now: "(absent)" }]);
  });
});

describe("the monitoring plan in the analysis plan", () => {
  it("is locked with the plan (without where its log lives); a spec without one keeps the plan's hash; a change after locking is a deviation by path", async () => {
    const { analysisPlanOf } = await import("../../src/spec/analysisPlan.ts");
    const { parseSpec } = await import("../../src/spec/parseSpec.ts");
    const { readFileSync } = await import("node:fs");
    const raw = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
    const spec = (json: unknown) => {
      const parsed = parseSpec(json, "spec.json");
      if (!("spec" in parsed)) throw new Error("the shipped spec parses");
      return parsed.spec;
    };
    const monitored = JSON.parse(JSON.stringify(analysisPlanOf(spec({ ...raw, monitoring: { ...raw.monitoring, log: "elsewhere.csv" } }), [])));
    expect(monitored.monitoring).toEqual({ alpha: 0.05, maximumInformation: 470, spending: "obf" });
    const { monitoring: _, ...without } = raw;
    expect("monitoring" in JSON.parse(JSON.stringify(analysisPlanOf(spec(without), [])))).toBe(false);
    const changed = JSON.parse(JSON.stringify(analysisPlanOf(spec({ ...raw, monitoring: { ...raw.monitoring, spending: "pocock" } }), [])));
    expect(planDeviations(monitored, changed)).toEqual([{ path: "monitoring.spending", locked: '"obf"', now: '"pocock"' }]);
  });
});
