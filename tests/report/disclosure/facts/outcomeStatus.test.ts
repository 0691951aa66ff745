import { describe, expect, it } from "vitest";
import { outcomeStatusFacts } from "../../../../src/report/disclosure/facts/outcomeStatus.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

// Outcome y: control 3 observed + 1 censored:as_of, treatment 2 observed + 2 censored:died; intake 8.
const run = {
  ingest: { persons: 8, outcomes: [{ id: "y", type: "binary", observed: 5, censored: 3, incomplete: 0, notApplicable: 0 }] },
  assignment: { consort: { outcomeStatusByArm: [{ outcome: "y", arm: "control", byStatus: { "censored:as_of": 1, observed: 3 } }, { outcome: "y", arm: "treatment", byStatus: { "censored:died": 2, observed: 2 } }] } },
};

describe("outcomeStatusFacts", () => {
  it("outcomeStatusFacts ties each arm's statuses to n randomised and each status total to its arms and reasons", () => {
    const { writer, book } = bookOver({ status: [{ outcome_id: "y", completed: 5 }] }, run);
    writer.fact("intake", 8);
    writer.fact("randomised:control", 4);
    writer.fact("randomised:treatment", 4);
    outcomeStatusFacts.collect(writer, asRun(run));
    expect(book.facts.get("status:y:treatment:censored:died")).toMatchObject({ value: 2, cells: [{ table: "outcome_status_by_arm", row: 2, key: "n" }] });
    expect(book.facts.get("total:y:observed")!.cells).toEqual([{ table: "censoring", row: 0, key: "observed" }, { table: "status", row: 0, key: "completed" }]);
    expect(equationLines(book.equations)).toEqual([
      "randomised:control = status:y:control:censored:as_of + status:y:control:observed",
      "randomised:treatment = status:y:treatment:censored:died + status:y:treatment:observed",
      "intake = total:y:observed + total:y:censored + total:y:incomplete + total:y:not_applicable",
      "total:y:observed = status:y:control:observed + status:y:treatment:observed",
      "total:y:censored = status:y:control:censored:as_of + status:y:treatment:censored:died",
      // incomplete and not_applicable have no parts: 0 = the empty sum.
      "total:y:incomplete = ",
      "total:y:not_applicable = ",
    ]);
  });
});
