import { describe, expect, it } from "vitest";
import { periodStatus } from "../../src/repay/periodStatus.ts";

const period = { from: "2024-01-01", dueDate: "2024-12-31", persons: 40, settled: false };

describe("periodStatus(input)", () => {
  it("periodStatus is not_due before the period starts, provisional under way, due from the due date on", () => {
    expect(periodStatus({ ...period, asOf: "2023-12-31" }).status).toBe("not_due");
    expect(periodStatus({ ...period, asOf: "2024-01-01" })).toEqual({ status: "provisional", note: "provisional: under way, due on 2024-12-31; computed on the data up to 2024-01-01" });
    expect(periodStatus({ ...period, asOf: "2024-12-30" }).status).toBe("provisional");
    expect(periodStatus({ ...period, asOf: "2024-12-31" })).toEqual({ status: "due", note: "due since 2024-12-31, not yet settled" });
  });

  it("periodStatus is settled whenever the settlement file records it, before any date rule", () => {
    expect(periodStatus({ ...period, asOf: "2023-01-01", settled: true }).status).toBe("settled");
  });

  it("periodStatus with no persons is not_due, even past the due date, and says so", () => {
    expect(periodStatus({ ...period, persons: 0, asOf: "2025-03-01" })).toEqual({ status: "not_due", note: "no persons yet: due by the schedule on 2024-12-31, but no one has been followed up over the period" });
  });

  it("periodStatus on a typed-in table: no row observed yet is 'no data yet'; provisional names the latest observation", () => {
    expect(periodStatus({ ...period, persons: 0, asOf: "2024-06-30", typedIn: { observedUpTo: null } }).note).toBe("no data yet: no row of the typed-in outcome table for this period is observed on or before 2024-06-30");
    expect(periodStatus({ ...period, asOf: "2024-06-30", typedIn: { observedUpTo: "2024-05-15" } }).note).toBe(
      "provisional: under way, due on 2024-12-31; computed on the data up to 2024-05-15 (the latest observation of the typed-in outcome table on or before 2024-06-30)",
    );
  });
});
