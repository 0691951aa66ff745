import { describe, expect, it } from "vitest";
import { psychiatricAdmissionBeforeStart } from "../../../src/ingest/covariates/psychiatric_admission_before_start.ts";
import { day } from "../../helpers.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("psychiatric_admission_before_start", () => {
  it("lookBack(c, 2023-06-15) with 12 months is [2022-06-15, 2023-06-15)", () => {
    const c = covariate({ kind: "psychiatric_admission_before_start" });
    expect(psychiatricAdmissionBeforeStart.lookBack!(c, day("2023-06-15"))).toEqual({ family: "psychiatric_contacts", from: day("2022-06-15"), to: day("2023-06-15") });
  });

  it("derive is 1 for an admission begun in the window, 0 for one on the start day, before it, or an emergency visit", () => {
    const contact = (personId: string, contactType: "admission" | "emergency", startDate: string) => ({ personId, contactType, startDate: day(startDate), endDate: null });
    const contacts = new Map([
      ["A", [contact("A", "admission", "2022-06-15")]], // the window's first day: in
      ["B", [contact("B", "admission", "2023-06-15")]], // the start day: out
      ["C", [contact("C", "admission", "2022-06-14")]], // a day before the window: out
      ["D", [contact("D", "emergency", "2023-01-01")]], // not an admission
    ]);
    const persons = ["A", "B", "C", "D"].map((id) => person(id, "2023-06-15"));
    const valueOf = psychiatricAdmissionBeforeStart.derive(covariate({ kind: "psychiatric_admission_before_start" }), recordsOf(persons, { psychiatricContacts: contacts }))!;
    expect(persons.map(valueOf)).toEqual([1, 0, 0, 0]);
  });
});
