import { afterEach, describe, expect, it, vi } from "vitest";
import type { Table } from "../../src/report/table.ts";
import { sheetNames, tablesWorkbook } from "../../src/report/workbook.ts";
import { readWorkbook } from "./readWorkbook.ts";


const savings: Table = {
  id: "savings",
  columns: [
    { key: "year", label: "År", kind: "year" },
    { key: "outcome", label: "Udfald", kind: "text", id: "outcome_id" },
    { key: "amount", label: "Besparelse", kind: "kr" },
    { key: "persons", label: "Personer", kind: "count" },
    { key: "share", label: "Andel", kind: "percent" },
    { key: "p", label: "p", kind: "p" },
    { key: "mean", label: "Gennemsnit", kind: "number", digits: 1 },
  ],
  rows: [
    { year: 2024, outcome: "Selvforsørgende", outcome_id: "self_supporting_24m", amount: 1234567.89, persons: "<5", share: 0.124, p: 0.0441, mean: 12.25 },
    { year: 2025, outcome: "Selvforsørgende", outcome_id: "self_supporting_24m", amount: null, persons: 12, share: "x", p: 0.5, mean: -3 },
  ],
};
const ledger: Table = { id: "repayment", columns: [{ key: "period", label: "Periode", kind: "text" }, { key: "value", label: "Værdi", kind: "number" }], rows: [{ period: "2024", value: 5 }, { period: "2025", value: 6 }], rowKinds: [undefined, "kr"] };

describe("tablesWorkbook(tables, lang)", () => {
  afterEach(() => vi.useRealTimers());

  it("writes one sheet per table, named by its title, the header in words", async () => {
    const { names, sheets } = readWorkbook(await tablesWorkbook([savings, ledger, { ...ledger, id: "unlisted", title: "Egen titel" }], "da"));
    expect(names).toEqual(["Besparelser pr. business case", "Tilbagebetaling pr. kontrakt", "Egen titel"]);
    expect(sheets[0]!.filter((c) => /^[A-Z]1$/.test(c.ref)).map((c) => c.value)).toEqual(["År", "Udfald", "Besparelse", "Personer", "Andel", "p", "Gennemsnit"]);
  });

  it("writes numbers as numbers with Excel's format for their kind; words for ids; suppressed and missing cells as text", async () => {
    const { sheets } = readWorkbook(await tablesWorkbook([savings, ledger], "da"));
    const cell = (ref: string) => sheets[0]!.find((c) => c.ref === ref)!;
    expect(cell("A2")).toEqual({ ref: "A2", type: null, value: "2024", format: "0" });
    expect(cell("B2")).toEqual({ ref: "B2", type: "s", value: "Selvforsørgende", format: null });
    expect(cell("C2")).toEqual({ ref: "C2", type: null, value: "1234567.89", format: '#,##0 "kr."' });
    expect(cell("D2")).toMatchObject({ type: "s", value: "<5" });
    expect(cell("E2")).toEqual({ ref: "E2", type: null, value: "0.124", format: "0.0 %" });
    expect(cell("F2")).toEqual({ ref: "F2", type: null, value: "0.0441", format: "0.000" });
    expect(cell("G2")).toEqual({ ref: "G2", type: null, value: "12.25", format: "#,##0.0" });
    expect(cell("C3")).toMatchObject({ type: "s", value: "–" });
    expect(cell("D3")).toEqual({ ref: "D3", type: null, value: "12", format: "#,##0" });
    expect(cell("E3")).toMatchObject({ type: "s", value: "x" });
    // A row of kr. in a number column (rowKinds) is formatted as kr.; the others by the column's digits (default 2).
    expect(sheets[1]!.find((c) => c.ref === "B2")!.format).toBe("#,##0.00");
    expect(sheets[1]!.find((c) => c.ref === "B3")!.format).toBe('#,##0 "kr."');
  });

  it("sheetNames(titles) cuts a title after its last whole word within 31 characters, drops what Excel forbids, and numbers a repeat", () => {
    expect(sheetNames(["Envejsfølsomhed: nettoresultatet når én antagelse flyttes", "Envejsfølsomhed: nettoresultatet når én antagelse flyttes", "Scenarier side om side", "scenarier side om side", "a/b [c]", "Inddatamedkontrolsumsha256ogmereendetogtredive"]))
      .toEqual(["Envejsfølsomhed nettoresultatet", "Envejsfølsomhed (2)", "Scenarier side om side", "scenarier side om side (2)", "a b c", "Inddatamedkontrolsumsha256ogmer"]);
    for (const name of sheetNames(["x".repeat(40), "y ".repeat(40)])) expect(name.length).toBeLessThanOrEqual(31);
  });

  it("heads every column: no empty header cell in any sheet, and a column without a label is refused", async () => {
    const { sheets } = readWorkbook(await tablesWorkbook([savings, ledger], "en"));
    for (const sheet of sheets) {
      const columns = new Set(sheet.map((c) => c.ref.replace(/\d+$/, "")));
      const headed = sheet.filter((c) => /^[A-Z]+1$/.test(c.ref) && c.value.trim() !== "").map((c) => c.ref.replace(/1$/, ""));
      expect(headed.sort()).toEqual([...columns].sort());
    }
    const unheaded: Table = { ...ledger, columns: [...ledger.columns, { key: "high", label: " ", kind: "number" }] };
    await expect(tablesWorkbook([unheaded], "da")).rejects.toThrow("tablesWorkbook requires a header over every column (repayment: high)");
  });

  it("writes kr without the Danish point in English", async () => {
    const { sheets } = readWorkbook(await tablesWorkbook([savings], "en"));
    expect(sheets[0]!.find((c) => c.ref === "C2")!.format).toBe('#,##0 "kr"');
  });

  it("gives the same bytes whatever the clock says", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2021-03-04T05:06:07Z"));
    const first = await tablesWorkbook([savings, ledger], "da");
    vi.setSystemTime(new Date("2029-11-12T13:14:15Z"));
    const second = await tablesWorkbook([savings, ledger], "da");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
