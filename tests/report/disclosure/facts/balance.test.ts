import { describe, expect, it } from "vitest";
import { balanceFacts } from "../../../../src/report/disclosure/facts/balance.ts";
import { asRun, bookOver, equationLines } from "./book.ts";

const armsOf = (meanT: number, meanC: number) => [{ arm: "treatment", n: 10, mean: meanT }, { arm: "control", n: 10, mean: meanC }];
const run = {
  ingest: { outcomes: [] },
  assignment: {
    balance: {
      rows: [
        { comparison: "t vs c", covariate: "age", level: null, type: "continuous", arms: armsOf(30, 31) },
        { comparison: "t vs c", covariate: "female", level: null, type: "binary", arms: armsOf(0.3, 0.5) },
        { comparison: "t vs c", covariate: "area", level: "north", type: "categorical", arms: armsOf(0.4, 0.2) },
        { comparison: "t vs c", covariate: "area", level: "south", type: "categorical", arms: armsOf(0.6, 0.8) },
      ],
    },
  },
};

describe("balanceFacts", () => {
  const { writer, book } = bookOver({ balance: [{}, {}, {}, {}] }, run);
  balanceFacts.collect(writer, asRun(run));
  const lines = equationLines(book.equations);

  it("balanceFacts: a binary share reveals the persons having it (0.3 × 10 = 3) and having + not having = n", () => {
    expect(book.facts.get("balance:t vs c:female::0")).toMatchObject({ value: 3, group: "balance:1" });
    expect(book.facts.get("balance:t vs c:female::0:not")!.value).toBe(7);
    expect(lines).toContain("balance:t vs c:female:0:n = balance:t vs c:female::0 + balance:t vs c:female::0:not");
    expect([...book.facts.keys()].some((k) => k.includes(":age:"))).toBe(false);
  });

  it("balanceFacts: a categorical covariate's levels add up to n (4 + 6 = 10, 2 + 8 = 10)", () => {
    expect(book.facts.get("balance:t vs c:area:south:1")!.value).toBe(8);
    expect(lines).toContain("balance:t vs c:area:0:n = balance:t vs c:area:north:0 + balance:t vs c:area:south:0");
    expect(lines).toContain("balance:t vs c:area:1:n = balance:t vs c:area:north:1 + balance:t vs c:area:south:1");
  });
});
