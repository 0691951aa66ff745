import { describe, expect, it } from "vitest";
import { female } from "../../../src/ingest/covariates/female.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("female", () => {
  it("female.derive(c, records) is 1 for a woman and 0 for a man", () => {
    const persons = [person("A", "2023-01-01"), person("B", "2023-01-01", { sex: "male" })];
    expect(persons.map(female.derive(covariate({ kind: "female" }), recordsOf(persons))!)).toEqual([1, 0]);
    expect(female.type).toBe("binary");
  });
});
