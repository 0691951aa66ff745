import { describe, expect, it } from "vitest";
import { schoolExams } from "../../../src/ingest/extracts/school_exams.ts";
import { day } from "../../helpers.ts";

describe("school_exams", () => {
  it("a row on 2024-05-02 covers that day and, rejected, flags [2024-05-02, 2024-05-03)", () => {
    expect(schoolExams.coverage({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-02") });
    expect(schoolExams.flagSpan({ date: day("2024-05-02") })).toEqual({ from: day("2024-05-02"), to: day("2024-05-03") });
    expect(schoolExams.flagSpan({ date: undefined })).toEqual({ from: null, to: null });
  });

  it("is an event read by outcomes as school_exams, its records under schoolExams", () => {
    expect([schoolExams.repeat, schoolExams.keyField, schoolExams.family, schoolExams.records]).toEqual(["event", "personId", "school_exams", "schoolExams"]);
  });
});
