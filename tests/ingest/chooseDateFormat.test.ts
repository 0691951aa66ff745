/** chooseDateFormat and checkDeclaredDateFormat: the issues name column, formats and lines, never a value. */
import { describe, expect, it } from "vitest";
import { checkDeclaredDateFormat, chooseDateFormat } from "../../src/ingest/chooseDateFormat.ts";

const column = (name: string, entries: [string, number][]) => ({ column: name, values: new Map(entries) });

describe("chooseDateFormat", () => {
  it("one format for the extract when every column agrees; an empty column agrees with any", () => {
    const choice = chooseDateFormat([column("Fødselsdato", [["13-02-1994", 2]]), column("Ophørsdato", []), column("Startdato", [["03-10-2021", 2]])], "p.csv");
    expect(choice).toEqual({ format: "dd-mm-yyyy", columns: [{ column: "Fødselsdato", format: "dd-mm-yyyy" }, { column: "Ophørsdato", format: null }, { column: "Startdato", format: "dd-mm-yyyy" }] });
  });

  it("an ambiguous column stops with what to declare and the line that shows it", () => {
    const choice = chooseDateFormat([column("Startdato", [["03/04/2022", 7], ["05/06/2022", 9]])], "p.csv");
    expect("issue" in choice && choice.issue).toMatchObject({ code: "date_format_ambiguous", file: "p.csv", line: 7, column: "Startdato" });
    const message = "issue" in choice ? choice.issue.message : "";
    expect(message).toContain('"dateFormat": "dd/mm/yyyy"');
    expect(message).toContain("mm/dd/yyyy");
    expect(message).not.toContain("03/04/2022");
  });

  it("columns in different formats stop, naming both", () => {
    const choice = chooseDateFormat([column("a", [["15-08-2022", 2]]), column("b", [["2022-08-15", 2]])], "p.csv");
    expect("issue" in choice && choice.issue.message).toContain("'a' dd-mm-yyyy, 'b' iso");
  });

  it("no dates at all: the default iso, nothing to detect from", () => {
    expect(chooseDateFormat([column("a", [])], "p.csv")).toMatchObject({ format: "iso" });
  });
});

describe("checkDeclaredDateFormat", () => {
  it("a declared dd/mm/yyyy on a month-first column is caught at the first line that proves it", () => {
    const problem = checkDeclaredDateFormat("dd/mm/yyyy", column("Startdato", [["03/04/2022", 2], ["08/15/2022", 5], ["09/20/2022", 4]]), "p.csv");
    expect(problem).toMatchObject({ code: "date_format_contradicted", line: 4, column: "Startdato" });
    expect(problem!.message).toContain('"dateFormat": "mm/dd/yyyy"');
  });
  it("a day-first column with a day above 12 is consistent with dd/mm/yyyy; other formats have no twin", () => {
    expect(checkDeclaredDateFormat("dd/mm/yyyy", column("a", [["15/08/2022", 2], ["03/04/2022", 3]]), "p.csv")).toBeNull();
    expect(checkDeclaredDateFormat("iso", column("a", [["08/15/2022", 2]]), "p.csv")).toBeNull();
  });
});
