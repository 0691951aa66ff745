import { describe, expect, it } from "vitest";
import { EXTRACT_DEFINITIONS } from "../../../src/ingest/extracts/index.ts";
import { EXTRACT_KIND_NAMES, fieldsOf } from "../../../src/ingest/extractKinds.ts";

describe("EXTRACT_DEFINITIONS", () => {
  it("has one definition for every extract kind with fields, and no other", () => {
    expect(Object.keys(EXTRACT_DEFINITIONS).sort()).toEqual([...EXTRACT_KIND_NAMES].sort());
  });

  it("names a repeat by a field the kind has", () => {
    for (const kind of EXTRACT_KIND_NAMES) expect(Object.keys(fieldsOf(kind)), kind).toContain(EXTRACT_DEFINITIONS[kind].keyField);
  });

  it("gives every outcome family one kind or the two benefit layouts", () => {
    const families = EXTRACT_KIND_NAMES.map((kind) => EXTRACT_DEFINITIONS[kind].family).filter((f) => f !== null);
    expect(families.filter((f) => f === "benefit_weeks")).toHaveLength(2);
    expect(new Set(families).size).toBe(families.length - 1);
  });
});
