import { describe, expect, it } from "vitest";
import { checklistItems } from "../../../src/ingest/extracts/checklist_items.ts";
import { day } from "../../helpers.ts";

describe("checklist_items", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(checklistItems.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(checklistItems.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(checklistItems.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as checklist_items, its records under checklistItems", () => {
    expect([checklistItems.repeat, checklistItems.keyField, checklistItems.family, checklistItems.records]).toEqual(["event", "personId", "checklist_items", "checklistItems"]);
  });
});
