import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpec } from "../../src/spec/parseSpec.ts";
import { jsonPath } from "../../src/shared/issues.ts";
import { specJsonSchema } from "../../pipeline/cli.ts";

const shipped = JSON.parse(readFileSync("fixtures/ungifokus/spec.json", "utf8"));
const issuesOf = (json: unknown) => {
  const result = parseSpec(json);
  return "issues" in result ? result.issues : [];
};

describe("parseSpec", () => {
  it("parseSpec(shipped example) succeeds and fills defaults", () => {
    const result = parseSpec(shipped);
    expect("spec" in result).toBe(true);
    if ("spec" in result) {
      expect(result.spec.extracts.benefits!.required).toBe(true);
      expect(result.spec.outcomes.find((o) => o.id === "public_support_days_26m")).toMatchObject({ groups: ["public_support"] });
    }
  });

  it("names an unknown key by its JSON path", () => {
    const json = structuredClone(shipped);
    json.extracts.population.dialekt = {};
    expect(issuesOf(json)).toContainEqual({ code: "unrecognized_keys", path: ["extracts", "population"], message: "unknown key 'dialekt'" });
  });

  it("names an invalid value by its JSON path, every problem at once", () => {
    const json = structuredClone(shipped);
    json.asOf = "2026-02-30";
    json.outcomes[0].atMonth = -1;
    const paths = issuesOf(json).map((i) => jsonPath(i.path));
    expect(paths).toContain("$.asOf");
    expect(paths).toContain("$.outcomes[0].atMonth");
  });

  it("names a column mapping for a field the extract kind does not have", () => {
    const json = structuredClone(shipped);
    json.extracts.convictions.columns.verdict = "DOM";
    expect(issuesOf(json)).toContainEqual(expect.objectContaining({ path: ["extracts", "convictions", "columns", "verdict"] }));
  });

  it("refuses two benefit extracts and a spec without a population", () => {
    const json = structuredClone(shipped);
    json.extracts.long = { kind: "benefit_weeks_long", file: "x.csv" };
    delete json.extracts.population;
    const messages = issuesOf(json).map((i) => i.message);
    expect(messages).toContain("an extract of kind 'population' is required");
    expect(messages.some((m) => m.startsWith("more than one extract of kind benefit_weeks"))).toBe(true);
  });

  it("schemas/spec.schema.json is the JSON Schema of the current spec (npm run schema)", () => {
    expect(JSON.parse(readFileSync("schemas/spec.schema.json", "utf8"))).toEqual(specJsonSchema());
  });
});
