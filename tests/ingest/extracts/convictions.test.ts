import { describe, expect, it } from "vitest";
import { convictions } from "../../../src/ingest/extracts/convictions.ts";
import { day } from "../../helpers.ts";

describe("convictions", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(convictions.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(convictions.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(convictions.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as convictions, its records under convictions", () => {
    expect([convictions.repeat, convictions.keyField, convictions.family, convictions.records]).toEqual(["event", "personId", "convictions", "convictions"]);
  });
});
