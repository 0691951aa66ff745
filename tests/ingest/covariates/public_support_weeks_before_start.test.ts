import { describe, expect, it } from "vitest";
import { publicSupportWeeksBeforeStart } from "../../../src/ingest/covariates/public_support_weeks_before_start.ts";
import { benefitPanelFrom } from "../../../src/ingest/personRecords.ts";
import { day } from "../../helpers.ts";
import { covariate, person, recordsOf } from "./records.ts";

const codes = { groupOfCode: new Map([["134", "public_support"], ["651", "su"]]), absentGroup: "self_supporting" };

describe("public_support_weeks_before_start", () => {
  it("lookBack(c, start) is the benefit weeks [start − 7 × weeks, start)", () => {
    const c = covariate({ kind: "public_support_weeks_before_start", weeks: 4 });
    expect(publicSupportWeeksBeforeStart.lookBack!(c, day("2023-03-06"))).toEqual({ family: "benefit_weeks", from: day("2023-02-06"), to: day("2023-03-06") });
  });

  it("derive counts support weeks inside the 4 weeks before a Monday start: 2 of the 5 weeks listed", () => {
    // Start Monday 2023-03-06; the window [2023-02-06, 2023-03-06) holds the Mondays 02-06, 02-13, 02-20, 02-27.
    const weeks = [
      ["2023-01-30", "134"], // before the window
      ["2023-02-06", "134"], // in: 1
      ["2023-02-13", "651"], // in, but SU
      ["2023-02-27", "134"], // in: 2
      ["2023-03-06", "134"], // the start week: after
    ].map(([week, code]) => ({ personId: "A", week: day(week!), code: code! }));
    const panel = benefitPanelFrom(weeks, codes, ["A"], day("2022-01-03"), day("2024-01-01"));
    const records = recordsOf([person("A", "2023-03-06")], { benefitGroups: panel });
    expect(records.persons.map(publicSupportWeeksBeforeStart.derive(covariate({ kind: "public_support_weeks_before_start", weeks: 4 }), records)!)).toEqual([2]);
  });

  it("derive is null without benefit weeks (the covariate is left out)", () => {
    expect(publicSupportWeeksBeforeStart.derive(covariate({ kind: "public_support_weeks_before_start" }), recordsOf([]))).toBeNull();
  });
});
