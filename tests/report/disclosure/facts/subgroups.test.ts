import { describe, expect, it } from "vitest";
import { subgroupFacts } from "../../../../src/report/disclosure/facts/subgroups.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

const contrast = "treatment vs control";
const level = (name: string, nT: number, nC: number) => ({ outcome: "days", contrast, subgroup: "sex", level: name, n_treated: nT, n_control: nC, estimate: 1.5 });
const run = {
  ingest: { outcomes: [{ id: "days", type: "continuous" }] },
  effects: { estimates: [{ outcome: "days", contrast, estimator: "difference_in_means" }], subgroups: [level("f", 60, 45), level("m", 40, 55)] },
};

describe("subgroupFacts", () => {
  it("subgroupFacts ties the levels' n to the arm's n analysed (60 + 40 = 100, 45 + 55 = 100)", () => {
    const { writer, book } = bookOver({ subgroups: [{}, {}], effects: [{ outcome_id: "days", contrast_id: contrast, estimator_id: "difference_in_means" }] }, run);
    writer.fact("n:days:treatment:difference_in_means", 100);
    writer.fact("n:days:control:difference_in_means:control", 100);
    subgroupFacts.collect(writer, asRun(run));
    expect(book.facts.get("sub:days:sex:m:control")).toMatchObject({ value: 55, cells: [{ table: "subgroups", row: 1, key: "n_control" }] });
    expect(equationLines(book.equations)).toEqual([
      "n:days:treatment:difference_in_means = sub:days:sex:f:treatment + sub:days:sex:m:treatment",
      "n:days:control:difference_in_means:control = sub:days:sex:f:control + sub:days:sex:m:control",
    ]);
    // A continuous outcome has no events.
    expect([...book.facts.keys()].some((k) => k.startsWith("subevents:"))).toBe(false);
  });

  it("subgroupFacts gives a binary subgroup estimate the events that leave the smallest cell (2/10 − 0/10 = 0.2: 2 and 0)", () => {
    const binary = { ingest: { outcomes: [{ id: "job", type: "binary" }] }, effects: { estimates: [], subgroups: [{ outcome: "job", contrast, subgroup: "sex", level: "f", n_treated: 10, n_control: 10, estimate: 0.2 }] } };
    const { writer, book } = bookOver({ subgroups: [{}] }, binary);
    subgroupFacts.collect(writer, asRun(binary));
    expect(book.facts.get("subevents:job:sex:f:treatment")!.value - book.facts.get("subevents:job:sex:f:control")!.value).toBe(2);
    expect(book.facts.get("subevents:job:sex:f:control")!.value).toBe(0);
    expect(book.facts.get("subevents:job:sex:f:treatment")!.group).toBe("subgroup:0");
  });
});
