/** The shelter_nights_within trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, C, base, derive, map } from "./triggerFixture.ts";

describe("shelter_nights_within", () => {
  const trigger: TriggerSpec = { kind: "shelter_nights_within", id: "stable_housing", source: "002", windowMonths: 6, maxNights: 5 };
  // Window of A and B: [2022-03-15, 2022-09-15).
  const records = base([A, B, C], {
    shelterStays: map([
      // A: in 03-01, out 03-18 → nights of 03-15, 03-16, 03-17 inside the window = 3; in 09-13 out 09-20 → 09-13, 09-14 = 2. Total 5 ≤ 5.
      { personId: "A", startDate: day("2022-03-01"), endDate: day("2022-03-18") },
      { personId: "A", startDate: day("2022-09-13"), endDate: day("2022-09-20") },
      // B: 04-01 to 04-05 (4 nights) and an overlapping 04-03 to 04-06 (adds only 04-05) = 5, plus 06-10 to 06-11 = 6 > 5.
      { personId: "B", startDate: day("2022-04-01"), endDate: day("2022-04-05") },
      { personId: "B", startDate: day("2022-04-03"), endDate: day("2022-04-06") },
      { personId: "B", startDate: day("2022-06-10"), endDate: day("2022-06-11") },
    ]),
  });
  it("shelter_nights_within counts nights [in, out) inside the window, a night once", () => {
    const f = derive(trigger, records, "2022-12-31");
    expect(f(A, yearPeriod(2022))).toEqual({ status: "observed", value: 1 });
    expect(f(B, yearPeriod(2022))).toEqual({ status: "observed", value: 0 });
  });
  it("shelter_nights_within is censored until the window is followed to its end, and an open stay runs on", () => {
    // C's window [2022-10-01, 2023-04-01): not complete on 2023-03-30.
    expect(derive(trigger, records, "2023-03-30")(C, yearPeriod(2023))).toEqual({ status: "censored", reason: "as_of" });
    const open = base([C], { shelterStays: map([{ personId: "C", startDate: day("2023-03-20"), endDate: null }]) });
    // Open from 03-20: nights 03-20 … 03-31 = 12 > 5.
    expect(derive(trigger, open, "2023-04-30")(C, yearPeriod(2023))).toEqual({ status: "observed", value: 0 });
  });
  it("shelter_nights_within is incomplete when a rejected stay of the person falls in the window", () => {
    const evidence: Evidence = { shelter_stays: { coverage: null, flagged: new Map([["A", [{ from: day("2022-05-01"), to: null, reason: "quarantined_row", line: 3 }]]]), unattributed: [] } };
    expect(derive(trigger, records, "2022-12-31", evidence)(A, yearPeriod(2022))).toEqual({ status: "incomplete", reason: "quarantined_row" });
  });
});
