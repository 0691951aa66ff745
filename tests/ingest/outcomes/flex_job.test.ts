import { describe, expect, it } from "vitest";
import { flexJob } from "../../../src/ingest/outcomes/flex_job.ts";
import { deriveWith, person, recordsOf, value, weeks } from "./outcomeFixture.ts";

const persons = [person("A", "2023-01-02"), person("B", "2023-01-02")];
const panel = [...weeks("A", [["2023-03-06", "521"]]), ...weeks("B", [["2023-01-02", "134"], ["2023-07-03", "521"]])];

describe("flexJob", () => {
  it("flexJob.derive is 1 when any week of the window is a flex-job week, 0 when the only one falls after it", () => {
    const values = deriveWith(flexJob, { kind: "flex_job", windowMonths: 6 }, recordsOf(persons, {}, panel))!;
    expect(values.A).toEqual(value(1));
    expect(values.B).toEqual(value(0));
    expect(flexJob.type({} as never)).toBe("binary");
  });
});
