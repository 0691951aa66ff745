/** The one analysis table: its assembly (the categorical rule), its number columns, and the units of a contrast. */
import { describe, expect, it } from "vitest";
import { analysisTable, numberColumn, unitsWith, valuesOf, withNulls, type TableParts } from "../../src/estimate/analysisTable.ts";

const parts = (extra: Partial<TableParts> = {}): TableParts => ({
  arm: ["t", "c", "t", "c", "x"],
  blocks: null,
  permutationStrata: null,
  clusters: ["k1", "k2", "k1", "k2", "k3"],
  numbers: new Map([
    ["y", Float64Array.of(1, 2, NaN, 4, 5)],
    ["x", Float64Array.of(0.5, Infinity, 3, 4, 5)],
  ]),
  categorical: [{ column: "g", values: ["b", "a", "NA", " c", "a"], reference: null }],
  subgroups: new Map([["s", ["u", "", "NA", "na", "v"]]]),
  ...extra,
});

describe("analysisTable(parts)", () => {
  it("keeps the number columns and the cluster column as given, and adds each categorical covariate's indicators (NaN where missing)", () => {
    const { table, categorical, unknownReferences } = analysisTable(parts());
    expect(table.clusters).toEqual(["k1", "k2", "k1", "k2", "k3"]);
    expect(table.columns.get("y")).toEqual(Float64Array.of(1, 2, NaN, 4, 5));
    // Levels a, b, c (" c" trimmed); a is the reference.
    expect(categorical).toEqual([{ column: "g", reference: "a", indicators: ["g=b", "g=c"] }]);
    expect(table.columns.get("g=b")).toEqual(Float64Array.of(1, 0, NaN, 0, 0));
    expect(table.columns.get("g=c")).toEqual(Float64Array.of(0, 0, NaN, 1, 0));
    expect(unknownReferences).toEqual([]);
  });

  it("names a reference level that is not a level, and adds no indicator for it", () => {
    const { table, categorical, unknownReferences } = analysisTable(parts({ categorical: [{ column: "g", values: ["a", "b"], reference: "z" }] }));
    expect(unknownReferences).toEqual([{ column: "g", reference: "z", levels: ["a", "b"] }]);
    expect(categorical).toEqual([]);
    expect([...table.columns.keys()]).toEqual(["y", "x"]);
  });

  it("reads an empty cell or NA in a subgroup column as its missing level, as in a categorical covariate", () => {
    const { table } = analysisTable(parts());
    expect(table.subgroups.get("s")).toEqual(["u", "", "", "", "v"]);
  });
});

describe("numberColumn(texts) and withNulls(column)", () => {
  it("numberColumn reads numbers by Number, an empty or absent text as NaN", () => {
    expect(numberColumn(["1.5", "", undefined, "-0", "7"])).toEqual(Float64Array.of(1.5, NaN, NaN, -0, 7));
    expect(Object.is(numberColumn(["-0"])[0], -0)).toBe(true);
  });

  it("withNulls gives NaN as null, every other value as it is", () => {
    expect(withNulls(Float64Array.of(0, NaN, 1, Infinity))).toEqual([0, null, 1, Infinity]);
  });
});

describe("unitsWith(table, arms, columns) and valuesOf(table, column, units)", () => {
  const { table } = analysisTable(parts());

  it("takes the units of the two arms with a finite value in every column, in table order", () => {
    // Unit 2 lacks y; unit 1's x is infinite; unit 4 is in neither arm.
    expect(unitsWith(table, ["t", "c"], ["y"])).toEqual([0, 1, 3]);
    expect(unitsWith(table, ["t", "c"], ["y", "x"])).toEqual([0, 3]);
    expect(unitsWith(table, ["t", "c"], ["g=b"])).toEqual([0, 1, 3]);
    expect(unitsWith(table, ["c"], [])).toEqual([1, 3]);
  });

  it("takes no unit for a column the table does not have", () => {
    expect(unitsWith(table, ["t", "c"], ["y", "nowhere"])).toEqual([]);
  });

  it("valuesOf gives the column's values at the units, as an array, and throws for a column the table does not have", () => {
    expect(valuesOf(table, "x", [3, 0])).toEqual([4, 0.5]);
    expect(Array.isArray(valuesOf(table, "y", [0]))).toBe(true);
    expect(() => valuesOf(table, "nowhere", [0])).toThrow("valuesOf: no column nowhere");
  });
});
