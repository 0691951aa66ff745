import { describe, expect, it } from "vitest";
import { reconvictionAfterRelease } from "../../../src/ingest/outcomes/reconviction_after_release.ts";
import { day } from "../../helpers.ts";
import { deriveWith, notApplicableValue, person, recordsOf, value } from "./outcomeFixture.ts";

// Within 12 months of the first release on or after start. A: released 2022-03-01, convicted 2023-03-01 (the last day
// counts): 1. B: released 2022-03-01, convicted on the release day only (not after it): 0. C: no release: not applicable.
// D: released 2024-01-10, the 12 months run past the as-of date: censored.
const persons = [person("A", "2022-01-01"), person("B", "2022-01-01"), person("C", "2022-01-01"), person("D", "2024-01-01")];
const extracts = {
  prisonReleases: [
    { personId: "A", releaseDate: day("2021-12-01") }, // before start: not the first release after it
    { personId: "A", releaseDate: day("2022-03-01") },
    { personId: "B", releaseDate: day("2022-03-01") },
    { personId: "D", releaseDate: day("2024-01-10") },
  ],
  convictions: [
    { personId: "A", date: day("2023-03-01") },
    { personId: "B", date: day("2022-03-01") },
    { personId: "B", date: day("2023-03-02") },
  ],
};

describe("reconvictionAfterRelease", () => {
  it("reconvictionAfterRelease.derive: a conviction after the first release and at most withinMonths later", () => {
    expect(deriveWith(reconvictionAfterRelease, { kind: "reconviction_after_release", withinMonths: 12 }, recordsOf(persons, extracts))).toEqual({
      A: value(1),
      B: value(0),
      C: notApplicableValue,
      D: { status: "censored", reason: "as_of" },
    });
  });
});
