import { describe, expect, it } from "vitest";
import { windowTrigger } from "../../../src/ingest/outcomes/windowTrigger.ts";
import { day } from "../../helpers.ts";
import { asOf, person, recordsOf } from "./outcomeFixture.ts";

describe("windowTrigger(windowMonths, families, context, achieved)", () => {
  const seen: { start: number; end: number }[] = [];
  const context = { records: recordsOf([]), asOf, evidence: {} };
  const trigger = windowTrigger(6, ["shelter_stays"], context, (p, window) => {
    seen.push(window);
    return p.personId === "yes";
  });

  it("windowTrigger gives the kind's 0/1 over [start, start + 6 months) once the window is followed to its end", () => {
    expect(trigger(person("yes", "2023-12-31"))).toEqual({ status: "observed", value: 1 });
    expect(seen.at(-1)).toMatchObject({ start: day("2023-12-31"), end: day("2024-06-30") });
    expect(trigger(person("no", "2024-01-01"))).toEqual({ status: "observed", value: 0 });
  });

  it("windowTrigger is censored while the window runs past the last followed day, without asking the kind", () => {
    const before = seen.length;
    expect(trigger(person("yes", "2024-01-02"))).toEqual({ status: "censored", reason: "as_of" });
    expect(seen.length).toBe(before);
  });

  it("windowTrigger is incomplete when a rejected row of the person's extract falls in the window", () => {
    const evidence = { shelter_stays: { coverage: null, flagged: new Map([["yes", [{ from: day("2024-02-01"), to: day("2024-02-02"), reason: "quarantined_row" as const, line: 7 }]]]), unattributed: [] } };
    const flagged = windowTrigger(6, ["shelter_stays"], { ...context, evidence }, () => true);
    expect(flagged(person("yes", "2023-12-31"))).toEqual({ status: "incomplete", reason: "quarantined_row" });
  });
});
