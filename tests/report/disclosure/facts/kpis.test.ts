import { describe, expect, it } from "vitest";
import { kpiFacts } from "../../../../src/report/disclosure/facts/kpis.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

describe("kpiFacts", () => {
  it("kpiFacts: 20 of 50 achieving reveals 20 through the share; achieved + not achieved (30) = persons", () => {
    const run = { ingest: { outcomes: [{ id: "job", type: "binary", quantum: null }] }, effects: { kpis: [{ id: "k1", arm: "treatment", outcome: "job", persons: 50, achieved: 20, share: 0.4 }] } };
    const { writer, book } = bookOver({ kpis: [{}] }, run);
    writer.fact("status:job:treatment:observed", 50);
    kpiFacts.collect(writer, asRun(run));
    expect(book.facts.get("kpi:k1:treatment:persons")).toMatchObject({ value: 50, cells: [{ table: "kpis", row: 0, key: "persons" }] });
    expect(book.facts.get("kpi:k1:treatment:achieved")!.reveals.map((r) => r.key)).toEqual(["share", "low", "high", "difference", "difference_low", "difference_high"]);
    expect(book.facts.get("kpi:k1:treatment:not_achieved")!.value).toBe(30);
    expect(equationLines(book.equations)).toEqual(["kpi:k1:treatment:persons = kpi:k1:treatment:achieved + kpi:k1:treatment:not_achieved", "kpi:k1:treatment:persons = status:job:treatment:observed"]);
    expect(book.quantities.map((q) => [q.n, q.total])).toEqual([["kpi:k1:treatment:persons", "randomised:treatment"]]);
  });
  it("kpiFacts: a risk difference against the comparison group — its share 18 of 50 (the target cell) and the difference reveal its 18 achieving", () => {
    const run = { ingest: { outcomes: [{ id: "job", type: "binary", quantum: null }] }, effects: { kpis: [{ id: "k1", arm: "treatment", outcome: "job", persons: 50, achieved: 30, share: 0.6, comparison: { arm: "control", persons: 50, share: 0.36, difference: 0.24, interval: [0.05, 0.43] } }] } };
    const { writer, book } = bookOver({ kpis: [{}] }, run);
    kpiFacts.collect(writer, asRun(run));
    expect(book.facts.get("kpi:k1:control:achieved")).toMatchObject({ value: 18 });
    expect(book.facts.get("kpi:k1:control:achieved")!.reveals.map((r) => r.key)).toEqual(["threshold", "difference", "difference_low", "difference_high"]);
    expect(book.facts.get("kpi:k1:control:not_achieved")!.value).toBe(32);
  });
});
