/** The report's time-to-event part: suppression of small numbers at risk and of shares resting on few events. */
import { describe, expect, it } from "vitest";
import type { EffectsArtefact, SurvivalPoint } from "../../../src/estimate/schema.ts";
import { survivalSection } from "../../../src/report/sections/survival.ts";
import { texts } from "../../../src/report/i18n.ts";
import type { ReportInput } from "../../../src/report/sections/section.ts";

const inputIn = (lang: "da" | "en") => ({ lang, minCell: 5, spec: { outcomes: [], covariates: [] }, run: { ingest: { outcomes: [] } } }) as unknown as ReportInput;

const step = (time: number, n_risk: number, n_event: number, survival: number): SurvivalPoint => ({ outcome: "t", arm: "treatment", time, survival, std_error: 0.01, conf_low: survival - 0.05, conf_high: Math.min(1, survival + 0.05), n_risk, n_event });
// 20 persons: 3 events at day 10, 4 at day 20 (7 by day 20), then 1 at day 30 with 3 at risk.
const curves = [step(10, 20, 3, 0.85), step(20, 17, 4, 0.65), step(30, 3, 1, 0.433)];
const effects = {
  estimates: [],
  survival: [
    { ...step(15, 17, 0, 0.85), n_event: undefined }, // 3 events by day 15: hidden
    { ...step(25, 13, 0, 0.65), n_event: undefined }, // 7 events by day 25, 13 at risk: shown
    { ...step(35, 3, 0, 0.433), n_event: undefined }, // 3 at risk: hidden, and the count shown as <5
  ],
  survival_curves: curves,
} as unknown as EffectsArtefact;

describe("survivalSection(input, effects, texts)", () => {
  it("shows a share only with ≥ 5 events behind it and ≥ 5 at risk; numbers at risk below 5 as <5", async () => {
    const section = (await survivalSection(inputIn("en"), effects, texts("en")))!;
    const rows = section.tables[0]!.rows;
    expect(rows.map((r) => r.survival)).toEqual(["<5", 0.65, "<5"]);
    expect(rows.map((r) => r.at_risk)).toEqual([17, 13, "<5"]);
    expect(rows[0]!.low).toBeNull();
    expect(section.html).toContain("<svg");
  });
  it("is null without time-to-event outcomes", async () => {
    expect(await survivalSection(inputIn("da"), { estimates: [] } as unknown as EffectsArtefact, texts("da"))).toBeNull();
  });
});
