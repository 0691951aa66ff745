/** Every table titled: a table's own title, else the one listed for its id, in the report's language. */
import { describe, expect, it } from "vitest";
import { tableHtml } from "../../src/report/table.ts";

describe("table titles", () => {
  const table = { id: "balance", columns: [{ key: "a", label: "A", kind: "text" as const }], rows: [{ a: "x" }] };
  it("shows the title listed for the table's id in the report's language", () => {
    expect(tableHtml(table, "da")).toContain("<caption>Baggrundsvariable pr. gruppe</caption>");
    expect(tableHtml(table, "en")).toContain("<caption>Baseline characteristics by group</caption>");
  });
  it("prefers the table's own title, and shows none for an unlisted id without one", () => {
    expect(tableHtml({ ...table, title: "Egen titel" }, "da")).toContain("<caption>Egen titel</caption>");
    expect(tableHtml({ ...table, id: "unlisted" }, "da")).not.toContain("<caption>");
  });
});
