/** Where a fact is written (textPlaces) and when it counts as published (markPublished); collecting facts from every source: facts/index.test.ts. */
import { describe, expect, it } from "vitest";
import { markPublished, textPlaces, type FactBook } from "../../../src/report/disclosure/collectFacts.ts";
import type { Fact } from "../../../src/report/disclosure/model.ts";
import type { Table } from "../../../src/report/table.ts";

const ledger: Table = {
  id: "ledger",
  columns: [{ key: "basis", label: "Grundlag", kind: "text", id: "basis_id" }, { key: "n", label: "n", kind: "count" }],
  rows: [
    { basis: "personer i indsatsgruppen = 12", basis_id: "n_treated = 12", n: 12 },
    { basis: "personer i indsatsgruppen = x", basis_id: "n_treated = x", n: "<5" },
  ],
} as unknown as Table;
const tables = new Map([["ledger", ledger]]);
const fact = (cells: Fact["cells"], reveals: Fact["reveals"] = []) => ({ key: "f", value: 12, persons: true, forced: false, cells, reveals, group: null, published: false, reason: null }) as unknown as Fact;

describe("textPlaces(tables, ref, lang)", () => {
  it("textPlaces(ledger cell with n_treated in its text, da) is the shown words under the column and the field name under its id column", () => {
    expect(textPlaces(tables, { table: "ledger", row: 0, key: "basis", inText: "n_treated" }, "da")).toEqual([
      { key: "basis", name: "personer i indsatsgruppen" },
      { key: "basis_id", name: "n_treated" },
    ]);
  });
  it("textPlaces(a column without an id column) is the shown place only", () => {
    const [place, ...rest] = textPlaces(tables, { table: "ledger", row: 0, key: "n", inText: "n_treated" }, "en");
    expect(place!.key).toBe("n");
    expect(place!.name).not.toBe("n_treated");
    expect(rest).toEqual([]);
  });
});

describe("markPublished(book, tables, lang)", () => {
  const run = (f: Fact) => {
    const book: FactBook = { facts: new Map([["f", f]]), equations: [], quantities: [] } as unknown as FactBook;
    markPublished(book, tables, "da");
    return f.published;
  };
  it("markPublished: a number cell shown as a number is published; a masked cell (<5) is not", () => {
    expect(run(fact([{ table: "ledger", row: 0, key: "n" }]))).toBe(true);
    expect(run(fact([{ table: "ledger", row: 1, key: "n" }]))).toBe(false);
  });
  it("markPublished: a fact in a text cell is published only when every place writes `name = <digit>`", () => {
    expect(run(fact([{ table: "ledger", row: 0, key: "basis", inText: "n_treated" }]))).toBe(true);
    expect(run(fact([{ table: "ledger", row: 1, key: "basis", inText: "n_treated" }]))).toBe(false);
  });
  it("markPublished: every cell must show it; without cells the revealing cells decide; with neither it is not published", () => {
    expect(run(fact([{ table: "ledger", row: 0, key: "n" }, { table: "ledger", row: 1, key: "n" }]))).toBe(false);
    expect(run(fact([], [{ table: "ledger", row: 0, key: "n" }]))).toBe(true);
    expect(run(fact([]))).toBe(false);
  });
});
