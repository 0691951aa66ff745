import { describe, expect, it } from "vitest";
import { ageAtStart } from "../../../src/ingest/covariates/age_at_start.ts";
import { day } from "../../helpers.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("age_at_start", () => {
  it("ageAtStart.derive(c, records) counts completed years: 22 the day before the 23rd birthday, 23 on it", () => {
    const persons = [person("A", "2023-03-14"), person("B", "2023-03-15"), person("C", "2024-02-29", { birthDate: day("2000-02-29") })];
    const valueOf = ageAtStart.derive(covariate({ kind: "age_at_start" }), recordsOf(persons))!;
    // 2000-03-15 → 2023-03-14: 22 whole years; → 2023-03-15: 23; 2000-02-29 → 2024-02-29: 24.
    expect(persons.map(valueOf)).toEqual([22, 23, 24]);
    expect(ageAtStart.lookBack).toBeNull();
  });
});
