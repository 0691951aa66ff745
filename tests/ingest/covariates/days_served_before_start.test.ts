import { describe, expect, it } from "vitest";
import { daysServedBeforeStart } from "../../../src/ingest/covariates/days_served_before_start.ts";
import { day } from "../../helpers.ts";
import { covariate, person, recordsOf } from "./records.ts";

describe("days_served_before_start", () => {
  it("derive takes the last release on or before start: 2022-01-01 → 2022-03-02 is 60 days; a later release is not read", () => {
    const release = (personId: string, admission: string | null, releaseDate: string) => ({ personId, admissionDate: admission === null ? null : day(admission), releaseDate: day(releaseDate) });
    const releases = new Map([
      ["A", [release("A", "2020-01-01", "2020-02-01"), release("A", "2022-01-01", "2022-03-02"), release("A", "2023-01-01", "2023-06-02")]],
      ["B", [release("B", null, "2022-03-01")]], // the time served is unknown
      ["C", [release("C", "2023-05-01", "2023-05-02")]], // released after start: none before
    ]);
    const persons = ["A", "B", "C"].map((id) => person(id, "2022-03-02"));
    expect(persons.map(daysServedBeforeStart.derive(covariate({ kind: "days_served_before_start" }), recordsOf(persons, { prisonReleases: releases }))!)).toEqual([60, null, 0]);
  });

  it("lookBack(c, start) reads every release up to and including the start day", () => {
    expect(daysServedBeforeStart.lookBack!(covariate({ kind: "days_served_before_start" }), day("2022-03-02"))).toEqual({ family: "prison_releases", from: Number.MIN_SAFE_INTEGER, to: day("2022-03-03") });
  });
});
