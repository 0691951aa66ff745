import { describe, expect, it } from "vitest";
import { contrastArms } from "../../../../src/report/disclosure/facts/factBook.ts";
import { bookOver, equationLines } from "./book.ts";

const run = { ingest: { persons: 10, outcomes: [{ id: "job", type: "binary", quantum: null }, { id: "days", type: "continuous", quantum: 1 }] } };

describe("factBook(tables, run, minCell)", () => {
  it("fact(key, value) registers a fact once: later calls return it with its first value", () => {
    const { writer, book } = bookOver({}, run);
    const first = writer.fact("n", 7, { forced: true, group: "g" });
    expect(writer.fact("n", 0)).toBe(first);
    expect(book.facts.get("n")).toMatchObject({ value: 7, forced: true, group: "g", persons: true, published: false });
  });

  it("equation(total, parts) is kept only when every fact is known and it holds on the true values (within ½)", () => {
    const { writer, book } = bookOver({}, run);
    writer.fact("total", 10);
    writer.fact("a", 6);
    writer.fact("b", 4);
    writer.fact("c", 5);
    writer.equation("total", ["a", "b"], "holds");
    writer.equation("total", ["a", "c"], "6 + 5 ≠ 10");
    writer.equation("total", ["a", "unknown"], "a part is not a fact");
    writer.equation("total", [{ key: "c", weight: 2 }], "2 × 5 = 10");
    expect(equationLines(book.equations)).toEqual(["total = a + b", "total = 2·c"]);
  });

  it("quantity(...) records the interval of true values that print as the value (a share at 3 digits: 0.2504 → [0.2495, 0.2505])", () => {
    const { writer, book } = bookOver({}, run);
    writer.quantity("share", [], "n", "total", "job", 0.2504);
    writer.quantity("mean", [], "n", "total", "days", Number.NaN);
    expect(book.quantities).toHaveLength(1);
    expect(book.quantities[0]!.interval[0]).toBeCloseTo(0.2495, 12);
    expect(book.quantities[0]!.interval[1]).toBeCloseTo(0.2505, 12);
    expect(book.quantities[0]!.unit).toBeNull();
  });

  it("rowWith and ref find rows by their machine ids and name a cell (inText only when given)", () => {
    const { writer } = bookOver({ summary: [{ figure_id: "a" }, { figure_id: "b" }] }, run);
    expect(writer.rowWith("summary", { figure_id: "b" })).toBe(1);
    expect(writer.rowWith("summary", { figure_id: "c" })).toBe(-1);
    expect(writer.rowsOf("kpis")).toEqual([]);
    expect(writer.ref("summary", 1, "value")).toEqual({ table: "summary", row: 1, key: "value" });
    expect(writer.ref("repayment_lines", 0, "basis", "persons")).toEqual({ table: "repayment_lines", row: 0, key: "basis", inText: "persons" });
    expect(contrastArms("treatment vs control")).toEqual(["treatment", "control"]);
  });
});
