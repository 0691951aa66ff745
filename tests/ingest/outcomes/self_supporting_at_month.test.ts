import { describe, expect, it } from "vitest";
import { selfSupportingAtMonth } from "../../../src/ingest/outcomes/self_supporting_at_month.ts";
import { deriveWith, person, recordsOf, value, weeks } from "./outcomeFixture.ts";

// Month 3 after 2023-01-10 is Monday 2023-04-10's week for A and B; C's month 3 (2024-09-01) is after the as-of date.
const persons = [person("A", "2023-01-10"), person("B", "2023-01-10"), person("C", "2024-06-01")];
const panel = [...weeks("A", [["2023-04-03", "134"]]), ...weeks("B", [["2023-04-10", "134"]])];

describe("selfSupportingAtMonth", () => {
  it("selfSupportingAtMonth.derive reads the week holding the month-k date: no benefit that week = self-supporting", () => {
    const values = deriveWith(selfSupportingAtMonth, { kind: "self_supporting_at_month", atMonth: 3 }, recordsOf(persons, {}, panel))!;
    expect(values.A).toEqual(value(1));
    expect(values.B).toEqual(value(0));
    expect(values.C).toEqual({ status: "censored", reason: "as_of" });
  });
});
