/**
 * time_to_event on a mini fixture, every value worked out by hand in the comments.
 * As of 2024-06-30; the convictions extract covers to 2024-06-30 unless a test says otherwise.
 */
import { describe, expect, it } from "vitest";
import { deriveOutcome } from "../../../src/ingest/deriveOutcomes.ts";
import { BenefitPanel } from "../../../src/ingest/benefitPanel.ts";
import type { Evidence } from "../../../src/ingest/outcomes/evidence.ts";
import { groupByPerson, type PersonRecords } from "../../../src/ingest/personRecords.ts";
import type { Person } from "../../../src/ingest/schema.ts";
import { Outcome } from "../../../src/spec/schema.ts";
import { day } from "../../helpers.ts";

const asOf = day("2024-06-30");
const person = (personId: string, start: string, exit: string | null = null): Person => ({
  personId,
  birthDate: day("1990-01-01"),
  sex: "male",
  startDate: day(start),
  referralDate: null,
  targetGroup: null,
  exitDate: exit === null ? null : day(exit),
  exitReason: exit === null ? null : "emigrated",
});
// A: released 2023-01-10, convicted 2023-03-01 (50 days: 21 left of January + 28 of February + 1).
// B: released 2023-07-01, no conviction: censored at the as-of date, 365 days (2023-07-01 … 2024-06-30).
// C: released 2024-01-01, emigrated 2024-02-01 (31 days), convicted 2024-03-01 after leaving: censored at 31, event 0.
// D: no release: not applicable. E: convicted on the release day itself (not after it): censored, 20 days (2024-06-10 → 06-30).
const persons = [person("A", "2023-01-10"), person("B", "2023-07-01"), person("C", "2024-01-01", "2024-02-01"), person("D", "2023-05-05"), person("E", "2024-06-10")];
const ids = new Set(persons.map((p) => p.personId));
const records: PersonRecords = {
  persons,
  benefitGroups: null,
  absentGroup: "self_supporting",
  educationSpells: null,
  paidHours: null,
  psychiatricContacts: null,
  socialServices: null,
  convictions: groupByPerson(
    [
      { personId: "A", date: day("2023-03-01") },
      { personId: "A", date: day("2023-09-01") }, // a later one: only the first counts
      { personId: "C", date: day("2024-03-01") },
      { personId: "E", date: day("2024-06-10") },
    ],
    ids,
  ),
  prisonReleases: groupByPerson(
    [
      { personId: "A", releaseDate: day("2023-01-10") },
      { personId: "B", releaseDate: day("2023-07-01") },
      { personId: "C", releaseDate: day("2024-01-01") },
      { personId: "E", releaseDate: day("2024-06-10") },
    ],
    ids,
  ),
  jobcentreContacts: groupByPerson([{ personId: "B", date: day("2023-07-15") }], ids),
};
const derive = (spec: object, evidence: Evidence = {}) => deriveOutcome(Outcome.parse({ id: "t", kind: "time_to_event", ...spec }), records, asOf, evidence)!;

describe("time_to_event", () => {
  it("conviction_after_release: days from release to the first conviction, or to where follow-up ends with event 0", () => {
    const column = derive({ event: "conviction_after_release" });
    expect(column.type).toBe("time_to_event");
    expect(column.values).toEqual([
      { status: "observed", value: 50, event: 1 },
      { status: "observed", value: 365, event: 0, censoredBy: "as_of" },
      { status: "observed", value: 31, event: 0, censoredBy: "emigrated" },
      { status: "not_applicable" },
      { status: "observed", value: 20, event: 0, censoredBy: "as_of" },
    ]);
  });

  it("censors at the end of the convictions extract's coverage when it ends before the as-of date", () => {
    // Coverage to 2023-12-31: B is censored at 183 days (2023-07-01 → 2023-12-31); C, released after it, has no time at all.
    const evidence: Evidence = { convictions: { coverage: { from: null, to: day("2023-12-31") }, flagged: new Map(), unattributed: [] } };
    const values = derive({ event: "conviction_after_release" }, evidence).values;
    expect(values[1]).toEqual({ status: "observed", value: 183, event: 0, censoredBy: "extract_coverage" });
    expect(values[2]).toEqual({ status: "censored", reason: "extract_coverage" });
  });

  it("a rejected conviction row before the first conviction makes the time incomplete (it could be an earlier one)", () => {
    const evidence: Evidence = { convictions: { coverage: null, flagged: new Map([["A", [{ from: day("2023-02-01"), to: day("2023-02-02"), reason: "quarantined_row", line: 7 }]]]), unattributed: [] } };
    expect(derive({ event: "conviction_after_release" }, evidence).values[0]).toEqual({ status: "incomplete", reason: "quarantined_row" });
  });

  it("jobcentre_contact: days from start to the first contact (B: 14 days); no contact yet is event 0 at the as-of date", () => {
    const values = derive({ event: "jobcentre_contact" }).values;
    expect(values[1]).toEqual({ status: "observed", value: 14, event: 1 });
    // A: 2023-01-10 → 2024-01-10 = 365 days, → 2024-06-30 = 21 + 29 + 31 + 30 + 31 + 30 = 172 more: 537.
    expect(values[0]).toEqual({ status: "observed", value: 537, event: 0, censoredBy: "as_of" });
  });

  it("self_support: days from start to the Monday of the first benefit week on or after start in the self-supporting group", () => {
    // A starts Tuesday 2023-01-10: the first week counted is Monday 2023-01-16. On public support in the weeks of
    // 16, 23 and 30 January; the week of 6 February has no code, so it is self-supporting: 2023-01-10 → 02-06 = 27 days.
    // B starts Saturday 2023-07-01: on public support in every week from 3 July to the as-of date → event 0 at 365 days.
    // C starts Monday 2024-01-01: self-supporting (no code) in its first week: 0 days.
    const panel = new BenefitPanel(persons.map((p) => p.personId), day("2022-12-26"), asOf, ["public_support", "self_supporting"]);
    for (const monday of ["2023-01-16", "2023-01-23", "2023-01-30"]) panel.set("A", day(monday), "public_support", 2);
    for (let monday = day("2023-07-03"); monday <= asOf; monday += 7) panel.set("B", monday, "public_support", 3);
    const withPanel: PersonRecords = { ...records, benefitGroups: panel };
    const values = deriveOutcome(Outcome.parse({ id: "t", kind: "time_to_event", event: "self_support" }), withPanel, asOf, {})!.values;
    expect(values[0]).toEqual({ status: "observed", value: 27, event: 1 });
    expect(values[1]).toEqual({ status: "observed", value: 365, event: 0, censoredBy: "as_of" });
    expect(values[2]).toEqual({ status: "observed", value: 0, event: 1 });
    // Only public support counting as self-support: A's first such week is 16 January, 6 days after start.
    const publicSupport = deriveOutcome(Outcome.parse({ id: "t", kind: "time_to_event", event: "self_support", groups: ["public_support"] }), withPanel, asOf, {})!.values;
    expect(publicSupport[0]).toEqual({ status: "observed", value: 6, event: 1 });
  });

  it("the spec defaults: curves read at 90, 180, 365, 730 days, Efron ties", () => {
    expect(Outcome.parse({ id: "t", kind: "time_to_event", event: "jobcentre_contact" })).toMatchObject({ at: [90, 180, 365, 730], ties: "efron" });
  });
});
