import { describe, expect, it } from "vitest";
import { EXTRACT_KIND_NAMES, fieldsOf } from "../../src/ingest/extractKinds.ts";

describe("fieldsOf(kind) and EXTRACT_KIND_NAMES", () => {
  it("fieldsOf(population) requires the id, birth date, sex and start date; the rest is optional", () => {
    const fields = fieldsOf("population");
    expect(Object.entries(fields).filter(([, f]) => f.required).map(([name]) => name)).toEqual(["personId", "birthDate", "sex", "startDate"]);
    expect(fields.sex).toEqual({ type: "category", required: true, categories: ["female", "male"] });
  });
  it("fieldsOf(benefit_weeks_long) is person, ISO week and benefit code", () => {
    expect(Object.fromEntries(Object.entries(fieldsOf("benefit_weeks_long")).map(([name, f]) => [name, f.type]))).toEqual({ personId: "id", week: "week", code: "benefit_code" });
  });
  it("every kind in EXTRACT_KIND_NAMES has a required personId field of type id", () => {
    expect(EXTRACT_KIND_NAMES).toContain("population");
    for (const kind of EXTRACT_KIND_NAMES) expect(fieldsOf(kind).personId).toEqual({ type: "id", required: true });
  });
});
