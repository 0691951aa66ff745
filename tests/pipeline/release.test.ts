/** The second shipped evaluation: the Aarhus release pilot, from the day of release. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";
import { expectRelativelyClose } from "../helpers.ts";
import { sharedRun } from "../runs/sharedRun.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { IngestArtefact } from "../../src/ingest/schema.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-release-"));

describe("the release evaluation (npm run release)", () => {
  let out = "";
  const ready = sharedRun("release").then((dir) => (out = dir));

  it("runs end to end: KPI table, effects, design figures and the release business case", async () => {
    await ready;
    const html = readFileSync(join(out, "report/report.html"), "utf8");
    for (const id of ["table-kpis", "table-pilot_design", "table-published"]) expect(html).toContain(`id="${id}"`);
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
    expect(effects.kpis.map((k) => k.id)).toEqual(["active_3m", "active_6m", "active_12m", "offer", "positive_contact_3m", "positive_contact_checklist", "reoffended_12m", "reoffended_24m", "self_support_12m", "self_support_24m"]);
    // 003/004: positive contact is a status 3 months after release, not the 14-day checklist item (which stays its own KPI).
    expect(effects.kpis.find((k) => k.id === "positive_contact_3m")!.outcome).toBe("positive_contact_3m");
  });

  it("re-offending: Kaplan–Meier curves per arm in the report, and the 12- and 24-month KPIs read from them as 1 − KM", async () => {
    await ready;
    const html = readFileSync(join(out, "report/report.html"), "utf8");
    expect(html).toContain('id="table-survival"');
    expect(html).toContain("Kaplan–Meier");
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
    expect(effects.estimates.filter((e) => e.outcome === "days_to_reconviction").map((e) => e.estimator)).toEqual(["logrank", "cox", "cox_adjusted", "rmst"]);
    const at = (arm: string, time: number) => effects.survival!.find((p) => p.outcome === "days_to_reconviction" && p.arm === arm && p.time === time)!;
    const twelve = effects.kpis.find((k) => k.id === "reoffended_12m")!;
    expect(twelve.share).toBeCloseTo(1 - at("treatment", 365).survival!, 14);
    expect(twelve.comparison!.share).toBeCloseTo(1 - at("control", 365).survival!, 14);
    // Decided from the difference between arms and its interval (log-rank p 0.075): never "met" against the control arm's point estimate.
    expect(twelve.verdict).not.toBe("met");
    expect(["better", "not_shown"]).toContain(twelve.verdict);
    // No one released in 2025–2026 has been followed 730 days by 2026-09-30: the curve stops before it.
    expect(at("treatment", 730).survival).toBeNull();
    expect(effects.kpis.find((k) => k.id === "reoffended_24m")!.verdict).toBe("not_yet_measurable");
  });

  it("self-support: days to the first self-supporting week as time to event; the 12- and 24-month KPIs against the control arm are 1 − R's survfit", async () => {
    await ready;
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
    expect(effects.kpis.map((k) => k.id).slice(-2)).toEqual(["self_support_12m", "self_support_24m"]);
    const r = JSON.parse(readFileSync("fixtures/reference/survival.json", "utf8")).self_support;
    const km = (arm: string, time: number) => r.km.find((p: { arm: string; time: number }) => p.arm === arm && p.time === time)?.survival;
    const twelve = effects.kpis.find((k) => k.id === "self_support_12m")!;
    expectRelativelyClose(twelve.share!, 1 - km("treatment", 365), 1e-12, "share self-supporting by day 365");
    expectRelativelyClose(twelve.comparison!.share!, 1 - km("control", 365), 1e-12, "the control arm's share");
    // 5 persons still followed at day 365 (fewer than minPersons 10): not yet measurable, as at 730 days.
    expect(twelve.verdict).toBe("not_yet_measurable");
    expect(effects.kpis.find((k) => k.id === "self_support_24m")!.verdict).toBe("not_yet_measurable");
    const cox = effects.estimates.find((e) => e.outcome === "days_to_self_support" && e.estimator === "cox")!;
    expectRelativelyClose(cox.log_estimate!, r.cox.find((c: { ties: string; covariates: string[] }) => c.ties === "efron" && c.covariates.length === 0).coef, 1e-8, "Cox log hazard ratio");
  });

  it("KPI shares are the treatment arm's observed shares, worked out from the person-level files", async () => {
    await ready;
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(out, "effects.json"), "utf8")));
    const outcomes = parse(readFileSync(join(out, "work/outcomes.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const arm = new Map((parse(readFileSync(join(out, "work/assignments.csv"), "utf8"), { columns: true }) as Record<string, string>[]).map((a) => [a.personId, a.arm]));
    for (const kpi of effects.kpis.filter((k) => !["days_to_reconviction", "days_to_self_support"].includes(k.outcome))) {
      const observed = outcomes.filter((o) => arm.get(o.personId!) === "treatment" && o[kpi.outcome] !== "");
      const achieved = observed.filter((o) => o[kpi.outcome] === "1").length;
      expect([kpi.persons, kpi.achieved], kpi.id).toEqual([observed.length, achieved]);
      // Met only when the whole interval clears the target, not met only when it is wholly below, otherwise not decided.
      const [low, high] = kpi.interval ?? [0, 1];
      expect(kpi.verdict, kpi.id).toBe(observed.length < 10 ? "not_yet_measurable" : low >= kpi.threshold! ? "met" : high < kpi.threshold! ? "not_met" : "not_decided");
    }
  });

  it("re-conviction within 24 months is censored for everyone: no one has been out 24 months by 2026-09-30", async () => {
    await ready;
    const ingest = IngestArtefact.parse(JSON.parse(readFileSync(join(out, "ingest.json"), "utf8")));
    const reconviction = ingest.outcomes.find((o) => o.id === "reconviction_24m")!;
    expect(reconviction).toMatchObject({ observed: 0, censored: ingest.persons });
  });

  it("as of 2025-06-30 the 12-month KPI is not yet measurable", async () => {
    const early = tempDir();
    await runPipeline({ specPath: "fixtures/release/spec.json", outDir: early, asOf: "2025-06-30", log });
    const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(early, "effects.json"), "utf8")));
    expect(effects.kpis.find((k) => k.id === "active_12m")).toMatchObject({ verdict: "not_yet_measurable", persons: 0 });
  });
});
