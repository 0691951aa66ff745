/** The subgroup tables: levels in words, CIs beside the estimate, the interaction test, small levels suppressed. */
import { describe, expect, it } from "vitest";
import { texts } from "../../../src/report/i18n.ts";
import type { ReportInput } from "../../../src/report/sections/section.ts";
import { levelInWords, subgroupTables } from "../../../src/report/sections/subgroups.ts";

const level = (l: string, n: number, estimate: number) => ({ outcome: "edu", contrast: "treatment vs control", subgroup: "age", level: l, estimator: "difference_in_means", estimate, std_error: 0.05, df: 80, p_value: 0.2, conf_low: estimate - 0.1, conf_high: estimate + 0.1, n_treated: n, n_control: 40 });
const input = (lang: "da" | "en") =>
  ({
    lang,
    minCell: 5,
    spec: { outcomes: [], covariates: [{ id: "age", kind: "age_at_start", label: { da: "Alder ved start", en: "Age at start" } }], assignment: { arms: [{ name: "control", control: true }, { name: "treatment" }] } },
    run: {
      ingest: { outcomes: [{ id: "edu", label: { da: "I uddannelse", en: "In education" }, type: "binary" }] },
      assignment: null,
      effects: {
        design: "randomised",
        subgroups: [level("[-∞;23)", 3, 0.1), level("[23;∞)", 50, 0.04)],
        interactions: [{ outcome: "edu", contrast: "treatment vs control", subgroup: "age", method: "wald_f_interactions_hc2", statistic: 1.5, df1: 1, df2: 89.6, p_value: 0.22 }],
      },
    },
  }) as unknown as ReportInput;

describe("levelInWords(level)", () => {
  it("says a band as a reader would: under 23, 23 og derover, 23 til under 30; missing in words", () => {
    const t = texts("da");
    expect(["[-∞;23)", "[23;∞)", "[23;30)", "[2.5;∞)", "(missing)", "1"].map((l) => levelInWords(l, t, "da"))).toEqual(["under 23", "23 og derover", "23 til under 30", "2,5 og derover", "mangler", "1"]);
    expect(levelInWords("[23;30)", texts("en"), "en")).toBe("23 to under 30");
  });
});

describe("subgroupTables(input, texts)", () => {
  const tables = subgroupTables(input("da"), texts("da"))!;
  it("keeps effects.json's order, labels the covariate and shows the CI; a level with 3 persons is suppressed with its CI and p", () => {
    expect(tables.subgroups.rows.map((r) => [r.subgroup, r.level, r.n_treated, r.estimate, r.conf_low, r.p])).toEqual([
      ["Alder ved start", "under 23", "<5", "<5", null, null],
      ["Alder ved start", "23 og derover", 50, 0.04, 0.04 - 0.1, 0.2],
    ]);
    expect(tables.subgroups.rows[1]).toMatchObject({ outcome: "I uddannelse", outcome_id: "edu", subgroup_id: "age", level_id: "[23;∞)" });
  });
  it("states the interaction test per subgroup in Danish, with both degrees of freedom", () => {
    expect(tables.interactions.rows).toEqual([expect.objectContaining({ subgroup: "Alder ved start", method: "Wald F-test af samspillet mellem indsats og undergruppe, HC2-kovarians", statistic: 1.5, df: "1; 90", p: 0.22 })]);
  });
  it("is null without subgroups", () => {
    const none = input("en");
    (none.run.effects as { subgroups: unknown[] }).subgroups = [];
    expect(subgroupTables(none, texts("en"))).toBeNull();
  });
});
