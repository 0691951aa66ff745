import { describe, expect, it } from "vitest";
import { tableFromRows } from "../../src/estimate/tableFromRows.ts";
import { formatIssue } from "../../src/shared/issues.ts";

const options = { file: "my.csv", decimal: "," as const, treatment: "arm", blocks: null, numeric: ["y", "b", "k"], binary: ["b"], counts: ["k"], subgroups: [] };

describe("tableFromRows", () => {
  it("reads decimal commas, and empty or NA cells as missing", () => {
    const { table, issues } = tableFromRows(["arm", "y", "b", "k"], [{ line: 2, fields: ["t", "1,5", "1", "3"] }, { line: 3, fields: ["c", "", "NA", "0"] }], options);
    expect(issues).toEqual([]);
    expect(table.columns.get("y")).toEqual(Float64Array.of(1.5, NaN));
    expect(table.columns.get("b")).toEqual(Float64Array.of(1, NaN));
  });

  it("names the line and column of every bad cell, and the value only where it read as a number (text may be a person's data)", () => {
    const { issues } = tableFromRows(
      ["arm", "y", "b", "k"],
      [{ line: 2, fields: ["t", "abc", "2", "1,5"] }, { line: 3, fields: ["", "1", "0", "-1"] }],
      options,
    );
    expect(issues.map(formatIssue)).toEqual([
      "my.csv line 2, column 'y': the value is not a number (decimal separator ',')",
      "my.csv line 2, column 'b': '2' is not 0 or 1 (a binary outcome)",
      // Two bad cells in one column under one rule are one message, with the count and the first lines.
      "my.csv line 2, column 'k': 2 values, each is not a whole number ≥ 0 (a count outcome): is the column what its flag says? The first 2: line 2 ('1,5'), line 3 ('-1')",
      "my.csv line 3, column 'arm': '' is empty: every person needs an arm",
    ]);
  });

  it("names a missing column, the header's size and the names asked for that it holds, never its other cells", () => {
    const { issues } = tableFromRows(["arm", "y", "Jens Hansen"], [], options);
    expect(issues.map(formatIssue)).toEqual([
      "my.csv: no column 'b' (the header has 3 columns; of the names looked for it holds 'arm', 'y')",
      "my.csv: no column 'k' (the header has 3 columns; of the names looked for it holds 'arm', 'y')",
    ]);
  });
});
