/** deriveTriggers over the trigger kinds of TRIGGER_DEFINITIONS; each kind has its own mirror (tests/ingest/outcomes/<kind>.test.ts). */
import { describe, expect, it } from "vitest";
import { deriveTriggers, triggerStatusText } from "../../src/ingest/deriveTriggers.ts";
import { day } from "../helpers.ts";
import { A, C, base, map } from "./outcomes/triggerFixture.ts";

describe("deriveTriggers(triggers, records, asOf, evidence)", () => {
  it("deriveTriggers puts a window trigger in the year its window ends and a year trigger in each followed year up to the as-of year", () => {
    const records = base([A, C], {
      actionPlanAssessments: map([{ personId: "C", date: day("2023-01-10"), result: "progress" as const }]),
      programmeActivities: map([{ personId: "A", activity: "camp", date: day("2023-02-01") }]),
    });
    const { rows, summaries } = deriveTriggers(
      {
        years: { from: 2022, to: 2030 },
        outcomes: [
          { kind: "action_plan_progress_within", id: "progress", source: "002", windowMonths: 6 },
          { kind: "activity_in_year", id: "camp", source: "002", activities: ["camp"], require: "all" },
        ],
      },
      records,
      day("2023-06-30"),
      {},
    );
    // A's window ends 2022-09-14 (2022); C's [2022-10-01, 2023-04-01) ends 2023-03-31 (2023). Camp: 2022 and 2023 for both (C from 2022-10-01).
    expect(rows.map((r) => [r.personId, r.period, r.trigger, r.value.status === "observed" ? r.value.value : r.value.status])).toEqual([
      ["A", "2022", "progress", 0],
      ["A", "2022", "camp", 0],
      ["A", "2023", "camp", 1],
      ["C", "2022", "camp", 0],
      ["C", "2023", "progress", 1],
      ["C", "2023", "camp", "censored"],
    ]);
    expect(summaries[1]!.periods).toEqual([
      { period: "2022", persons: 2, achieved: 0, byStatus: { observed: 2 } },
      { period: "2023", persons: 2, achieved: 1, byStatus: { "censored:as_of": 1, observed: 1 } },
    ]);
  });
  it("deriveTriggers(a trigger whose extract is absent) gives it no rows and marks its summary skipped", () => {
    const { rows, summaries } = deriveTriggers(
      { years: { from: 2022, to: 2030 }, outcomes: [{ kind: "action_plan_progress_within", id: "progress", source: "002", windowMonths: 6 }] },
      base([A, C], {}),
      day("2023-06-30"),
      {},
    );
    expect(rows).toEqual([]);
    expect(summaries).toMatchObject([{ id: "progress", label: "progress", attribution: "window", skipped: true, periods: [] }]);
  });
  it("deriveTriggers(as of 2021) gives no rows for years after the as-of year", () => {
    const records = base([A, C], { programmeActivities: map([{ personId: "A", activity: "camp", date: day("2023-02-01") }]) });
    const { rows } = deriveTriggers({ years: { from: 2022, to: 2030 }, outcomes: [{ kind: "activity_in_year", id: "camp", source: "002", activities: ["camp"], require: "all" }] }, records, day("2021-12-31"), {});
    expect(rows).toEqual([]);
  });
});

describe("triggerStatusText(value)", () => {
  it("triggerStatusText(censored or incomplete) appends the reason; observed and not_applicable stand alone", () => {
    expect(triggerStatusText({ status: "censored", reason: "as_of" } as never)).toBe("censored:as_of");
    expect(triggerStatusText({ status: "incomplete", reason: "exit" } as never)).toBe("incomplete:exit");
    expect(triggerStatusText({ status: "observed", value: 1 } as never)).toBe("observed");
    expect(triggerStatusText({ status: "not_applicable" } as never)).toBe("not_applicable");
  });
});
