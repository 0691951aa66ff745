import { describe, expect, it } from "vitest";
import { COVARIATE_DEFINITIONS, lookBackOf } from "../../../src/ingest/covariates/index.ts";
import { Covariate } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { covariate } from "./records.ts";

describe("COVARIATE_DEFINITIONS", () => {
  it("has one definition for every covariate kind the spec schema accepts, and no other", () => {
    const kinds = Covariate.options.map((o) => o.shape.kind.value).sort();
    expect(Object.keys(COVARIATE_DEFINITIONS).sort()).toEqual(kinds);
  });

  it("lookBackOf(c, start) is the kind's window, null for the population's own fields", () => {
    expect(lookBackOf(covariate({ kind: "age_at_start" }), day("2023-01-01"))).toBeNull();
    expect(lookBackOf(covariate({ kind: "public_support_weeks_before_start" }), day("2023-01-02"))).toEqual({ family: "benefit_weeks", from: day("2022-01-03"), to: day("2023-01-02") });
  });
});
