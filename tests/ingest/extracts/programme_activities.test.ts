import { describe, expect, it } from "vitest";
import { programmeActivities } from "../../../src/ingest/extracts/programme_activities.ts";
import { day } from "../../helpers.ts";

describe("programme_activities", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(programmeActivities.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(programmeActivities.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(programmeActivities.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as programme_activities, its records under programmeActivities", () => {
    expect([programmeActivities.repeat, programmeActivities.keyField, programmeActivities.family, programmeActivities.records]).toEqual(["event", "personId", "programme_activities", "programmeActivities"]);
  });
});
