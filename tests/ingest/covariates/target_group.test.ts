import { describe, expect, it } from "vitest";
import { targetGroup } from "../../../src/ingest/covariates/target_group.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("target_group", () => {
  it("targetGroup.derive(c, records) is the population's group, null when not given", () => {
    const persons = [person("A", "2023-01-01", { targetGroup: "ung" }), person("B", "2023-01-01")];
    expect(persons.map(targetGroup.derive(covariate({ kind: "target_group" }), recordsOf(persons))!)).toEqual(["ung", null]);
    expect(targetGroup.type).toBe("categorical");
  });
});
