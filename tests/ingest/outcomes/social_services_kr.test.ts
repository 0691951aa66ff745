import { describe, expect, it } from "vitest";
import { socialServicesKr } from "../../../src/ingest/outcomes/social_services_kr.ts";
import { deriveWith, person, recordsOf, value } from "./outcomeFixture.ts";

const month = (year: number, m: number) => year * 12 + (m - 1);

describe("socialServicesKr", () => {
  it("socialServicesKr.derive sums the monthly kroner in the window (12,500.25 + 8,000; a month before start is out)", () => {
    const records = recordsOf([person("A", "2023-03-01")], {
      socialServices: [
        { personId: "A", month: month(2023, 2), costKr: 1_000, measure: null },
        { personId: "A", month: month(2023, 4), costKr: 12_500.25, measure: "§107" },
        { personId: "A", month: month(2024, 2), costKr: 8_000, measure: null },
      ],
    });
    expect(deriveWith(socialServicesKr, { kind: "social_services_kr", windowMonths: 12 }, records)!.A).toEqual(value(20_500.25));
    expect(deriveWith(socialServicesKr, { kind: "social_services_kr", windowMonths: 12 }, recordsOf([person("A", "2023-03-01")]))).toBeNull();
  });
});
