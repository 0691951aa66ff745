/** dataStatus: coverage first (censored:extract_coverage), then flagged rows (conflicting before quarantined), by overlap of [from, to) spans. */
import { describe, expect, it } from "vitest";
import { dataStatus, type Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { day } from "../../helpers.ts";

const window = { family: "paid_hours_monthly" as const, from: day("2022-01-10"), to: day("2022-07-10") };
const march = { from: day("2022-03-01"), to: day("2022-03-02") };

describe("dataStatus", () => {
  it("dataStatus is null when nothing is known, or the flagged row lies outside the window", () => {
    expect(dataStatus({}, "P01", [window])).toBeNull();
    const evidence: Evidence = { paid_hours_monthly: { coverage: null, flagged: new Map([["P01", [{ from: day("2022-10-01"), to: day("2022-10-02"), reason: "quarantined_row", line: 9 }]]]), unattributed: [] } };
    expect(dataStatus(evidence, "P01", [window])).toBeNull();
  });

  it("dataStatus marks a window holding a rejected row of the person, or of nobody known, as incomplete", () => {
    const own: Evidence = { paid_hours_monthly: { coverage: null, flagged: new Map([["P01", [{ ...march, reason: "quarantined_row", line: 4 }]]]), unattributed: [] } };
    expect(dataStatus(own, "P01", [window])).toEqual({ status: "incomplete", reason: "quarantined_row" });
    expect(dataStatus(own, "P02", [window])).toBeNull();
    const anyone: Evidence = { paid_hours_monthly: { coverage: null, flagged: new Map(), unattributed: [{ from: null, to: null, reason: "quarantined_row", line: 7 }] } };
    expect(dataStatus(anyone, "P02", [window])).toEqual({ status: "incomplete", reason: "quarantined_row" });
  });

  it("dataStatus prefers conflicting_rows, and censors first when the window runs past the coverage (the end is exclusive)", () => {
    const both: Evidence = {
      paid_hours_monthly: { coverage: { from: null, to: day("2022-07-09") }, flagged: new Map([["P01", [{ ...march, reason: "quarantined_row", line: 4 }, { ...march, reason: "conflicting_rows", line: 5 }]]]), unattributed: [] },
    };
    // Coverage to 2022-07-09 includes the window's last day (2022-07-09): not censored.
    expect(dataStatus(both, "P01", [window])).toEqual({ status: "incomplete", reason: "conflicting_rows" });
    const short: Evidence = { paid_hours_monthly: { ...both.paid_hours_monthly!, coverage: { from: null, to: day("2022-07-08") } } };
    expect(dataStatus(short, "P01", [window])).toEqual({ status: "censored", reason: "extract_coverage" });
    const late: Evidence = { paid_hours_monthly: { ...both.paid_hours_monthly!, coverage: { from: day("2022-02-01"), to: day("2022-12-31") } } };
    expect(dataStatus(late, "P01", [window])).toEqual({ status: "censored", reason: "extract_coverage" });
  });
});
