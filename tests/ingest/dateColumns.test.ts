import { describe, expect, it } from "vitest";
import { dateColumns } from "../../src/ingest/dateColumns.ts";

describe("dateColumns(kind, header, columns)", () => {
  it("dateColumns(population, canonical header) finds birthDate, startDate and exitDate where they stand, not the id or sex", () => {
    expect(dateColumns("population", ["personId", "sex", "birthDate", "startDate", "exitDate"], {})).toEqual([
      { field: "birthDate", column: "birthDate", index: 2, type: "date" },
      { field: "startDate", column: "startDate", index: 3, type: "date" },
      { field: "exitDate", column: "exitDate", index: 4, type: "date" },
    ]);
  });
  it("dateColumns(population, renamed columns) follows the spec's columns, as a name or { column }", () => {
    expect(dateColumns("population", ["id", "fødselsdato", "start"], { birthDate: "fødselsdato", startDate: { column: "start" } })).toEqual([
      { field: "birthDate", column: "fødselsdato", index: 1, type: "date" },
      { field: "startDate", column: "start", index: 2, type: "date" },
    ]);
  });
  it("dateColumns(paid_hours_monthly, …) types the month column as month", () => {
    expect(dateColumns("paid_hours_monthly", ["personId", "month", "hours"], {})).toEqual([{ field: "month", column: "month", index: 1, type: "month" }]);
  });
  it("dateColumns(kind, header without its date columns) is empty", () => {
    expect(dateColumns("population", ["personId", "sex"], {})).toEqual([]);
  });
});
