/**
 * The effects section's forest plot: absolute differences (a share's 0,044 as 4,4 percentage points, days as days),
 * one panel per unit and direction, only what the disclosure engine still shows, and every outcome not drawn named
 * beneath it in words.
 */
import { describe, expect, it } from "vitest";
import { forestCandidates, forestFigure } from "../../../src/report/sections/forest.ts";
import { texts } from "../../../src/report/i18n.ts";
import type { Disclosure } from "../../../src/report/disclosure/discloseTables.ts";
import type { SectionInput } from "../../../src/report/sections/section.ts";

const estimate = (outcome: string, value: number, low: number, high: number, meanT = 0.3, meanC = 0.26) => ({ outcome, contrast: "treatment vs control", estimator: "difference_in_means", estimate: value, conf_low: low, conf_high: high, n_treated: 100, n_control: 100, mean_treated: meanT, mean_control: meanC, p_value: 0.2 });

const input = {
  lang: "en",
  minCell: 5,
  spec: {
    outcomes: [
      { id: "edu", kind: "in_education_at_month", label: { da: "I uddannelse", en: "In education" }, direction: "higher_is_better" },
      { id: "days", kind: "days_on_public_support", label: { da: "Dage på forsørgelse", en: "Days on public support" }, direction: "lower_is_better" },
      { id: "flex", kind: "flex_job", label: { da: "Fleksjob", en: "Flex job" } },
      { id: "rare", kind: "flex_job", label: { da: "Sjælden", en: "Rare event" } },
    ],
    covariates: [],
    estimation: {},
    assignment: { mode: "randomise", arms: [{ name: "control", control: true }, { name: "treatment" }] },
  },
  run: {
    ingest: { outcomes: [{ id: "edu", type: "binary", label: { da: "I uddannelse", en: "In education" } }, { id: "days", type: "count", label: { da: "Dage på forsørgelse", en: "Days on public support" } }, { id: "flex", type: "binary", label: { da: "Fleksjob", en: "Flex job" } }, { id: "rare", type: "binary", label: { da: "Sjælden", en: "Rare event" } }] },
    assignment: null,
    effects: { estimates: [estimate("edu", 0.044, -0.02, 0.108), estimate("days", -13.9, -59.9, 32), estimate("flex", 0.027, -0.011, 0.065, 0.2, 0.173), estimate("rare", 0.02, -0.01, 0.05, 0.03, 0.01)] },
  },
} as unknown as SectionInput;

const t = texts("en");
const shownExcept = (hidden: string[]): Disclosure => ({ tables: [], estimateShown: (outcome) => !hidden.includes(outcome) });

describe("forestCandidates(input, texts)", () => {
  it("a share's difference in percentage points, days in days; a share with 1 event in control (0,01 × 100) not drawable", () => {
    const byId = new Map(forestCandidates(input, t).map((c) => [c.outcome, c]));
    const edu = byId.get("edu")!.row!;
    expect(edu.label).toBe("In education");
    expect([edu.estimate, edu.low, edu.high].map((v) => Number(v.toFixed(9)))).toEqual([4.4, -2, 10.8]);
    expect(byId.get("days")!.row).toMatchObject({ estimate: -13.9, low: -59.9, high: 32 });
    expect(byId.get("edu")!.favours).toBe("higher");
    expect(byId.get("days")!.favours).toBe("lower");
    expect(byId.get("flex")!.favours).toBeNull();
    expect(byId.get("rare")!.row).toBeNull();
  });
});

describe("forestFigure(candidates, disclosure, input, texts)", () => {
  it("one panel per unit and direction; what the engine hides is not drawn and is named beneath", () => {
    const html = forestFigure(forestCandidates(input, t), shownExcept(["flex"]), input, t);
    const titles = [...html.matchAll(/<text[^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((s) => !s!.includes("favours"));
    expect(titles).toEqual(["Percentage points (higher is better)", "Days (lower is better)"]);
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain("Not drawn (too few persons or no comparison): Flex job; Rare event.");
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<figcaption>Figure: /);
    expect(html).toContain("favours control group");
  });
  it("draws nothing when the engine hides every estimate, and still names them", () => {
    const html = forestFigure(forestCandidates(input, t), shownExcept(["edu", "days", "flex", "rare"]), input, t);
    expect(html).not.toContain("<svg");
    expect(html).toContain("In education; Days on public support; Flex job; Rare event");
  });
});
