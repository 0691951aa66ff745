import { describe, expect, it } from "vitest";
import { convictionsBeforeStart } from "../../../src/ingest/covariates/convictions_before_start.ts";
import { day } from "../../helpers.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("convictions_before_start", () => {
  it("lookBack(c, start) is [start − months, start): 60 months by default", () => {
    expect(convictionsBeforeStart.lookBack!(covariate({ kind: "convictions_before_start" }), day("2023-01-31"))).toEqual({ family: "convictions", from: day("2018-01-31"), to: day("2023-01-31") });
  });

  it("derive counts the convictions in the window: 2 of 4 with 24 months", () => {
    const convictions = new Map([["A", ["2020-12-31", "2021-01-01", "2022-12-31", "2023-01-01"].map((d) => ({ personId: "A", date: day(d) }))]]);
    const persons = [person("A", "2023-01-01"), person("B", "2023-01-01")];
    // [2021-01-01, 2023-01-01): 2021-01-01 and 2022-12-31.
    expect(persons.map(convictionsBeforeStart.derive(covariate({ kind: "convictions_before_start", months: 24 }), recordsOf(persons, { convictions }))!)).toEqual([2, 0]);
  });
});
