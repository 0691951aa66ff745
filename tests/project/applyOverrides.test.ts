import { describe, expect, it } from "vitest";
import { getPath, OverrideError, setPath } from "../../src/project/applyOverrides.ts";

const assumptions = {
  horizonYears: 10,
  lines: [
    { id: "public_support", unitPrice: { value: 900, source: "KL" } },
    { id: "flex_job", unitPrice: { value: 400, source: "KL" } },
  ],
};

describe("setPath(root, path, value)", () => {
  it("setPath sets a value at a dot path, addressing array elements by id, on a copy", () => {
    const changed = setPath(assumptions, "lines.public_support.unitPrice.value", 1_100) as typeof assumptions;
    expect(changed.lines[0]!.unitPrice.value).toBe(1_100);
    expect(changed.lines[1]!.unitPrice.value).toBe(400);
    expect(assumptions.lines[0]!.unitPrice.value).toBe(900);
    expect((setPath(assumptions, "horizonYears", 5) as typeof assumptions).horizonYears).toBe(5);
  });

  it("setPath replaces a whole array element by id, and may add a new last key", () => {
    const line = { id: "flex_job", unitPrice: { value: 1, source: "x" } };
    expect((setPath(assumptions, "lines.flex_job", line) as typeof assumptions).lines[1]).toEqual(line);
    expect(setPath(assumptions, "lines.flex_job.note", "new")).toMatchObject({ lines: [{}, { note: "new" }] });
  });

  it("setPath throws an OverrideError naming the path: no such id, no such key, or a value that is not an object", () => {
    expect(() => setPath(assumptions, "lines.housing.unitPrice.value", 1)).toThrow(new OverrideError("lines.housing.unitPrice.value", "no element with id 'housing'"));
    expect(() => setPath(assumptions, "costs.value", 1)).toThrow("override costs.value: no key 'costs'");
    expect(() => setPath(assumptions, "horizonYears.value.x", 1)).toThrow("override horizonYears.value.x: 'horizonYears' is not an object");
  });
});

describe("getPath(root, path)", () => {
  it("getPath reads a value at a dot path (arrays by id), undefined where the path leads nowhere", () => {
    expect(getPath(assumptions, "lines.flex_job.unitPrice.value")).toBe(400);
    expect(getPath(assumptions, "horizonYears")).toBe(10);
    expect(getPath(assumptions, "lines.housing.unitPrice")).toBeUndefined();
    expect(getPath(assumptions, "horizonYears.value")).toBeUndefined();
  });
});
