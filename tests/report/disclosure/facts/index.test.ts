import { describe, expect, it } from "vitest";
import { FACT_SOURCES } from "../../../../src/report/disclosure/facts/index.ts";
import { DISCLOSED_TABLES } from "../../../../src/report/disclosure/facts/factBook.ts";
import { collectFacts } from "../../../../src/report/disclosure/collectFacts.ts";
import { asRun, tablesOf, equationLines } from "./book.ts";

describe("FACT_SOURCES", () => {
  it("FACT_SOURCES collects intake and arms before what is tied to them, and reads only the disclosed tables", () => {
    expect(Object.keys(FACT_SOURCES)).toEqual(["intake", "outcomeStatus", "consort", "effects", "subgroups", "kpis", "balance", "ledger"]);
    for (const source of Object.values(FACT_SOURCES)) for (const table of source.tables) expect(DISCLOSED_TABLES).toContain(table);
  });

  it("collectFacts runs every source in order: the arms registered by intake tie the outcome statuses to n randomised", () => {
    const run = {
      ingest: { persons: 4, outcomes: [] },
      assignment: { balance: { rows: [] }, consort: { excluded: { byRule: {} }, arms: [{ arm: "control", randomised: 2 }, { arm: "treatment", randomised: 2 }], outcomeStatusByArm: [{ outcome: "y", arm: "control", byStatus: { observed: 2 } }] } },
      effects: null,
      repayment: null,
      projection: null,
    };
    const book = collectFacts(tablesOf({}), asRun(run));
    const lines = equationLines(book.equations);
    expect(lines.slice(0, 2)).toEqual(["intake = randomised:control + randomised:treatment", "randomised:control = status:y:control:observed"]);
    expect(lines).toContain("consort:randomised_total = randomised:control + randomised:treatment");
  });
});
