import { describe, expect, it } from "vitest";
import { intakeFacts } from "../../../../src/report/disclosure/facts/intake.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

const runWith = (persons: number, randomised: readonly number[]) => ({
  ingest: { persons, outcomes: [] },
  assignment: { consort: { arms: randomised.map((n, i) => ({ arm: i === 0 ? "control" : "treatment", randomised: n })) } },
});
const tables = { summary: [{ figure_id: "intake", value: 10 }, { figure_id: "randomised:treatment", value: 4 }], status: [{ intake: 10, trial: 8 }] };

describe("intakeFacts", () => {
  it("intakeFacts leaves the intake suppressible when 1 to minCell − 1 persons await randomisation (10 − 8 = 2)", () => {
    const run = runWith(10, [4, 4]);
    const { writer, book } = bookOver(tables, run);
    intakeFacts.collect(writer, asRun(run));
    expect(book.facts.get("intake")).toMatchObject({ value: 10, forced: false });
    expect(book.facts.get("randomised:treatment")).toMatchObject({ value: 4, forced: true, cells: [{ table: "summary", row: 1, key: "value" }] });
    expect(book.facts.get("intake")!.cells).toEqual([{ table: "summary", row: 0, key: "value" }, { table: "status", row: 0, key: "intake" }]);
    expect(book.facts.get("consort:randomised_total")).toMatchObject({ value: 8, forced: true, cells: [{ table: "status", row: 0, key: "trial" }] });
    // 4 + 4 ≠ 10: no equation.
    expect(book.equations).toEqual([]);
  });

  it("intakeFacts forces the intake when everyone is assigned, and ties it to the arms", () => {
    const run = runWith(10, [5, 5]);
    const { writer, book } = bookOver(tables, run);
    intakeFacts.collect(writer, asRun(run));
    expect(book.facts.get("intake")!.forced).toBe(true);
    expect(equationLines(book.equations)).toEqual(["intake = randomised:control + randomised:treatment"]);
  });

  it("intakeFacts forces the intake when 5 or more await (minCell 5: 13 − 8)", () => {
    const run = runWith(13, [4, 4]);
    const { writer, book } = bookOver(tables, run);
    intakeFacts.collect(writer, asRun(run));
    expect(book.facts.get("intake")!.forced).toBe(true);
  });
});
