import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { periodDates } from "../../src/repay/periodDates.ts";
import { Contract } from "../../src/repay/schema.ts";

const shipped = JSON.parse(readFileSync("fixtures/contracts/laer-for-livet.json", "utf8"));

describe("periodDates(contract)", () => {
  it("periodDates defaults: due 31 December of the payment year; the first period from the contract's start, each next the day after", () => {
    const dates = periodDates(Contract.parse(shipped));
    expect(dates[0]).toEqual({ period: "2023", label: "2023", paymentYear: 2023, from: "2022-01-01", dueDate: "2023-12-31", dueDateIllustrative: false });
    expect(dates[1]).toEqual({ period: "2024", label: "2024", paymentYear: 2024, from: "2024-01-01", dueDate: "2024-12-31", dueDateIllustrative: false });
    expect(dates).toHaveLength(12);
  });

  it("periodDates takes a written due date and from, and starts the next period the day after that due date (leap day included)", () => {
    const json = structuredClone(shipped);
    json.schedule = [
      { period: "a", paymentYear: 2024, dueDate: { value: "2024-02-28", source: "contract", illustrative: true } },
      { period: "b", paymentYear: 2024 },
      { period: "c", paymentYear: 2025, from: "2025-03-01" },
    ];
    json.rules = json.rules.map((rule: { periods?: unknown }) => ({ ...rule, periods: undefined }));
    const dates = periodDates(Contract.parse(JSON.parse(JSON.stringify(json))));
    expect(dates.map((d) => [d.from, d.dueDate, d.dueDateIllustrative])).toEqual([
      ["2022-01-01", "2024-02-28", true],
      ["2024-02-29", "2024-12-31", false],
      ["2025-03-01", "2025-12-31", false],
    ]);
  });
});
