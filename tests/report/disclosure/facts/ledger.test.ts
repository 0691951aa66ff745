import { describe, expect, it } from "vitest";
import { ledgerFacts } from "../../../../src/report/disclosure/facts/ledger.ts";
import { asRun, bookOver } from "./book.ts";

const contrast = "treatment vs control";
const run = {
  ingest: { outcomes: [{ id: "days", type: "continuous", quantum: 1 }] },
  effects: { estimates: [{ outcome: "days", contrast, estimator: "difference_in_means" }] },
  repayment: {
    contracts: [
      {
        name: "c1",
        lines: [
          { period: "2024", item: "days", basis: { n_treated: 40, mean_treated: 12.5, mean_control: 20 }, amount: 30000 },
          { period: "2024", item: { da: "Job", en: "Job" }, basis: { persons: 3, price: 40000 }, amount: 120000 },
        ],
      },
    ],
  },
};

describe("ledgerFacts", () => {
  const { writer, book } = bookOver({ repayment_lines: [{}, {}], effects: [{ outcome_id: "days", contrast_id: contrast, estimator_id: "difference_in_means" }] }, run);
  const nT = writer.fact("n:days:treatment:difference_in_means", 40);
  ledgerFacts.collect(writer, asRun(run));

  it("ledgerFacts: a rate-card line's persons is a fact shown in its basis and its amount (3 × 40,000)", () => {
    expect(book.facts.get("line:c1:2024:1:Job")).toMatchObject({ value: 3, group: "period:c1:2024" });
    expect(book.facts.get("line:c1:2024:1:Job")!.cells).toEqual([{ table: "repayment_lines", row: 1, key: "basis", inText: "persons" }, { table: "repayment_lines", row: 1, key: "amount" }]);
  });

  it("ledgerFacts: a difference line shows n analysed in its basis and, paying, its means and the estimate reveal it", () => {
    expect(nT.cells).toEqual([{ table: "repayment_lines", row: 0, key: "basis", inText: "n_treated" }]);
    expect(nT.reveals.map((r) => `${r.table}.${r.inText ?? r.key}`)).toEqual(["repayment_lines.mean_treated", "repayment_lines.mean_control", "repayment_lines.conf_high", "effects.estimate", "effects.conf_low", "effects.conf_high", "effects.relative"]);
    expect(book.quantities.map((q) => q.what)).toEqual(["repayment_lines c1 2024: mean_treated"]);
  });
});
