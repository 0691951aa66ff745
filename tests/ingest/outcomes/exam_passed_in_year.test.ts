/** The exam_passed_in_year trigger on a few persons whose values are worked out by hand in the comments (moved from triggers.test.ts). */
import { describe, expect, it } from "vitest";
import { yearPeriod } from "../../../src/ingest/outcomes/triggerWindows.ts";
import type { TriggerSpec } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";
import { A, B, base, derive, map } from "./triggerFixture.ts";

describe("exam_passed_in_year", () => {
  it("exam_passed_in_year counts a passed exam of the listed codes in the year", () => {
    const exam: TriggerSpec = { kind: "exam_passed_in_year", id: "fsa_passed", source: "002", exams: ["FSA9"] };
    const records = base([A, B], {
      schoolExams: map([
        { personId: "A", exam: "FSA9", date: day("2023-06-20"), result: "passed" as const },
        { personId: "B", exam: "FSA9", date: day("2023-06-20"), result: "failed" as const },
        { personId: "B", exam: "FSA10", date: day("2023-06-21"), result: "passed" as const },
      ]),
    });
    const f = derive(exam, records, "2024-01-31");
    expect([f(A, yearPeriod(2022)), f(A, yearPeriod(2023)), f(B, yearPeriod(2023))]).toEqual([
      { status: "observed", value: 0 },
      { status: "observed", value: 1 },
      { status: "observed", value: 0 },
    ]);
  });
});
