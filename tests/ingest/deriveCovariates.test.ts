import { describe, expect, it } from "vitest";
import { covariateExtractKinds, deriveCovariate } from "../../src/ingest/deriveCovariates.ts";
import { covariate, person, recordsOf } from "./covariates/records.ts";
import { day } from "../helpers.ts";

// Born 2000-03-15: 21 on 2021-03-15, still 20 the day before.
const persons = [person("P1", "2021-03-14"), person("P2", "2021-03-15"), person("P3", "2030-01-01", { birthDate: day("1990-06-30") })];

describe("deriveCovariate(covariate, records)", () => {
  it("deriveCovariate(age_at_start) is one value per person, in person order, with the kind and type", () => {
    expect(deriveCovariate(covariate({ kind: "age_at_start" }), recordsOf(persons))).toEqual({ id: "c", kind: "age_at_start", type: "continuous", values: [20, 21, 39] });
  });
  it("deriveCovariate(convictions_before_start) without the convictions extract is null", () => {
    expect(deriveCovariate(covariate({ kind: "convictions_before_start" }), recordsOf(persons))).toBeNull();
  });
  it("deriveCovariate(convictions_before_start) counts each person's convictions before their start", () => {
    const convictions = new Map([["P1", [{ personId: "P1", date: day("2020-01-01") }, { personId: "P1", date: day("2022-01-01") }]]]);
    expect(deriveCovariate(covariate({ kind: "convictions_before_start" }), recordsOf(persons, { convictions } as never))!.values).toEqual([1, 0, 0]);
  });
});

describe("covariateExtractKinds(covariate)", () => {
  it("covariateExtractKinds(convictions_before_start) is the convictions extract; public support weeks read either benefit layout", () => {
    expect(covariateExtractKinds(covariate({ kind: "convictions_before_start" }))).toEqual(["convictions"]);
    expect(covariateExtractKinds(covariate({ kind: "public_support_weeks_before_start" })).sort()).toEqual(["benefit_weeks_long", "benefit_weeks_wide"]);
  });
});
