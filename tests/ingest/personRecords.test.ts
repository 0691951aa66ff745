import { describe, expect, it } from "vitest";
import { benefitPanelFrom, groupByPerson } from "../../src/ingest/personRecords.ts";
import { day } from "../helpers.ts";

describe("groupByPerson(records, population)", () => {
  it("groupByPerson(records) groups in record order and leaves out persons outside the population", () => {
    const records = [{ personId: "P1", n: 1 }, { personId: "X9", n: 2 }, { personId: "P2", n: 3 }, { personId: "P1", n: 4 }];
    expect([...groupByPerson(records, new Set(["P1", "P2"]))!]).toEqual([
      ["P1", [{ personId: "P1", n: 1 }, { personId: "P1", n: 4 }]],
      ["P2", [{ personId: "P2", n: 3 }]],
    ]);
  });
  it("groupByPerson(null) is null (the extract is absent); groupByPerson([]) is an empty map", () => {
    expect(groupByPerson(null, new Set(["P1"]))).toBeNull();
    expect(groupByPerson([], new Set(["P1"]))!.size).toBe(0);
  });
});

describe("benefitPanelFrom(weeks, codes, persons, from, to)", () => {
  const codes = { groupOfCode: new Map([["134", "public_support"], ["521", "flex_job"]]), absentGroup: "self_supporting" };
  const from = day("2022-01-03");
  const to = day("2022-03-28");
  it("benefitPanelFrom(three weeks) puts each week's group at its Monday; a week without a record is absent (null)", () => {
    const weeks = [
      { personId: "P1", week: day("2022-01-03"), code: "134" },
      { personId: "P1", week: day("2022-01-10"), code: "134" },
      { personId: "P1", week: day("2022-01-24"), code: "521" },
    ];
    const panel = benefitPanelFrom(weeks, codes, ["P1", "P2"], from, to)!;
    expect(panel.groupAt("P1", day("2022-01-03"))).toBe("public_support");
    expect(panel.groupAt("P1", day("2022-01-24"))).toBe("flex_job");
    expect(panel.groupAt("P1", day("2022-01-17"))).toBeNull();
    expect(panel.groupAt("P2", day("2022-01-03"))).toBeNull();
    // Two public-support Mondays in [2022-01-03, 2022-02-01).
    expect(panel.countWeeksIn("P1", ["public_support"], "self_supporting", day("2022-01-03"), day("2022-02-01"))).toBe(2);
  });
  it("benefitPanelFrom(no weeks or no codes) is null", () => {
    expect(benefitPanelFrom(null, codes, ["P1"], from, to)).toBeNull();
    expect(benefitPanelFrom([], null, ["P1"], from, to)).toBeNull();
  });
});
