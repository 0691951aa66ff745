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
