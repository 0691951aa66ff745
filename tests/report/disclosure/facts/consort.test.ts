import { describe, expect, it } from "vitest";
import { consortFacts } from "../../../../src/report/disclosure/facts/consort.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

const arm = (name: string, randomised: number, received: number, analysed: number, died: number) => ({
  arm: name, randomised, receivedAllocated: received, didNotReceiveAllocated: randomised - received,
  lostToFollowUp: { total: died, followUpIncomplete: 0, emigrated: 0, died, other: 0, extractCoverage: 0 },
  incomplete: { total: 0, quarantinedRow: 0, conflictingRows: 0 }, notApplicable: 0, analysed,
});
const run = {
  ingest: { persons: 20, personsReferredAfterAsOf: 0, outcomes: [{ id: "y" }] },
  assignment: {
    design: { mode: "randomise", arms: [{ name: "control", control: true }, { name: "treatment", control: false }] },
    matching: null,
    persons: { awaitingRandomisation: 0 },
    consort: { assessed: 23, excluded: { total: 3, byRule: { bad_date: 2, duplicate: 1 } }, notAssigned: 0, arms: [arm("control", 10, 9, 8, 2), arm("treatment", 10, 10, 10, 0)], outcomeStatusByArm: [{ outcome: "y", arm: "control", byStatus: {} }] },
  },
};
const rows = [
  { stage_id: "assessed", arm_id: null, n: 23 },
  { stage_id: "excluded", arm_id: null, n: 3 },
  { stage_id: "excluded:bad_date", arm_id: null, n: 2 },
  { stage_id: "excluded:duplicate", arm_id: null, n: 1 },
  { stage_id: "randomised", arm_id: "control", n: 10 },
  { stage_id: "received", arm_id: "control", n: 9 },
  { stage_id: "not_received", arm_id: "control", n: 1 },
  { stage_id: "lost:died", arm_id: "control", n: 2 },
  { stage_id: "analysed", arm_id: "control", n: 8 },
];

describe("consortFacts", () => {
  const { writer, book } = bookOver({ consort: rows }, run);
  writer.fact("intake", 20);
  consortFacts.collect(writer, asRun(run));
  const lines = equationLines(book.equations);

  it("consortFacts finds each box by its stage_id and arm_id, with the artefact's true value", () => {
    expect(book.facts.get("assessed")).toMatchObject({ value: 23, cells: [{ table: "consort", row: 0, key: "n" }] });
    expect(book.facts.get("consort:excluded:bad_date")).toMatchObject({ value: 2, forced: false });
    expect(book.facts.get("randomised:control")).toMatchObject({ value: 10, cells: [{ table: "consort", row: 4, key: "n" }] });
    expect(book.facts.get("consort:control:lost:died")!.value).toBe(2);
    expect(book.facts.has("consort:treatment:received")).toBe(false);
  });

  it("consortFacts ties the boxes: exclusions by rule, assessed = excluded + enrolled, received + not received = randomised", () => {
    expect(lines).toContain("consort:excluded = consort:excluded:bad_date + consort:excluded:duplicate");
    expect(lines).toContain("assessed = consort:excluded + intake");
    expect(lines).toContain("randomised:control = consort:control:received + consort:control:not_received");
  });
});
