/** The data-quality section: row counts are rows, suppressed only where a row is a person. */
import { describe, expect, it } from "vitest";
import { texts } from "../../../src/report/i18n.ts";
import type { SectionInput } from "../../../src/report/sections/section.ts";
import { Placeholders } from "../../../src/report/disclosure/placeholders.ts";
import { qualitySection } from "../../../src/report/sections/quality.ts";

const extract = (name: string, kind: string, persons: object | null, rows: { read: number; accepted: number; rejected: number }, issuesByRule: Record<string, number>) => ({
  name,
  kind,
  file: `${name}.csv`,
  rowsRead: rows.read,
  rowsAccepted: rows.accepted,
  rowsRejected: rows.rejected,
  rowsForPersonsNotInPopulation: 0,
  issuesByRule,
  coverage: null,
  onRejectedRow: "incomplete",
  persons,
});

const input = {
  lang: "da",
  minCell: 5,
  spec: { outcomes: [{ id: "x" }], extracts: { population: { kind: "population" }, paid_hours: { kind: "paid_hours_monthly", title: { da: "Løntimer (eIndkomst)", en: "Paid hours (eIncome)" } } } },
  run: {
    ingest: {
      extracts: [
        extract("population", "population", { read: 103, accepted: 100, excludedByRule: { invalid_date: 3 } }, { read: 103, accepted: 100, rejected: 3 }, { invalid_date: 3 }),
        extract("paid_hours", "paid_hours_monthly", null, { read: 1203, accepted: 1200, rejected: 3 }, { invalid_number: 3 }),
      ],
      outcomes: [],
      warnings: [],
    },
    assignment: null,
  },
  later: new Placeholders(),
} as unknown as SectionInput;

describe("qualitySection(input, texts)", () => {
  const section = qualitySection(input, texts("da")) as unknown as { html: string; tables: { id: string; rows: Record<string, unknown>[] }[] };
  const table = section.tables.find((t) => t.id === "data_quality")!;

  it("shows 3 rejected rows of a monthly extract as 3 rows, named in Danish", () => {
    expect(table.rows[1]).toMatchObject({ rows_read: 1203, rows_accepted: 1200, rows_rejected: 3, rules: "ugyldigt tal: 3 rækker" });
  });

  it("names an extract by its title, else by its kind in words, and keeps its id for the CSV", () => {
    expect(table.rows.map((r) => [r.extract, r.extract_id])).toEqual([["Population (indskrevne personer)", "population"], ["Løntimer (eIndkomst)", "paid_hours"]]);
  });

  it("suppresses 3 rejected population rows (3 persons) and the accepted count that would reveal them", () => {
    expect(table.rows[0]).toMatchObject({ rows_read: 103, rows_accepted: "x", rows_rejected: "<5", rules: "ugyldig dato: <5 rækker" });
  });
});
