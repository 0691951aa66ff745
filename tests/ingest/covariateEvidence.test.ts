/** personsWithIncompleteLookBack: a rejected row in the look-back before start is counted, one after start is not. */
import { describe, expect, it } from "vitest";
import { personsWithIncompleteLookBack } from "../../src/ingest/covariateEvidence.ts";
import type { Evidence } from "../../src/ingest/outcomes/evidence.ts";
import { Covariate } from "../../src/spec/schema.ts";
import type { Person } from "../../src/ingest/schema.ts";
import { day } from "../helpers.ts";

const person = (personId: string): Person => ({ personId, birthDate: day("2000-01-01"), sex: "female", startDate: day("2022-06-01"), referralDate: null, targetGroup: null, exitDate: null, exitReason: null });

describe("personsWithIncompleteLookBack", () => {
  it("personsWithIncompleteLookBack counts persons whose 60 months before start hold a rejected conviction row", () => {
    const evidence: Evidence = {
      convictions: {
        coverage: { from: null, to: day("2022-01-01") }, // coverage is not applied before start
        flagged: new Map([
          ["A", [{ from: day("2020-03-01"), to: day("2020-03-02"), reason: "quarantined_row", line: 3 }]], // before start: counted
          ["B", [{ from: day("2022-06-01"), to: day("2022-06-02"), reason: "quarantined_row", line: 4 }]], // the start day: not in [start − 60 months, start)
        ]),
        unattributed: [],
      },
    };
    const covariate = Covariate.parse({ id: "prior", kind: "convictions_before_start" });
    expect(personsWithIncompleteLookBack(covariate, [person("A"), person("B"), person("C")], evidence)).toBe(1);
    expect(personsWithIncompleteLookBack(Covariate.parse({ id: "age", kind: "age_at_start" }), [person("A")], evidence)).toBe(0);
  });
});
