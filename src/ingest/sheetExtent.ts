/**
 * How far a worksheet's XML reaches, read from its cell references alone and before any row is built: the last row
 * and column any `<row r>` or `<c r>` names, and the far corner of its `<dimension ref>` (what it declares it uses).
 * read-excel-file builds a dense array from A1 to the last cell, so one cell at XFD1048576 is 17 billion cells;
 * this is the number to check first. Pure: the sheet's XML (one byte a character, as latin1) in, numbers out.
 * A reference too long to be Excel's (more than 3 letters or 7 digits) counts as Infinity, over any limit.
 */

export interface SheetExtent {
  /** The last row and column any row or cell names (0 when none). */
  readonly rows: number;
  readonly columns: number;
  /** The far corner of `<dimension ref>`, or null when the sheet has none. */
  readonly declared: { readonly rows: number; readonly columns: number } | null;
}

/** `<row r="7">`, `<c s="1" r="B7">`, `<dimension ref="A1:E9">`, with or without a namespace prefix. */
const REFERENCE = /<(?:[A-Za-z_][\w.-]*:)?(dimension|row|c)(?=[\s/>])[^>]*?\sr(?:ef)?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CELL = /^\$?([A-Za-z]*)\$?([0-9]*)$/;

export function sheetExtent(xml: string): SheetExtent {
  let rows = 0;
  let columns = 0;
  let declared = false;
  let declaredRows = 0;
  let declaredColumns = 0;
  for (const match of xml.matchAll(REFERENCE)) {
    const element = match[1]!;
    const value = match[2] ?? match[3] ?? "";
    if (element === "dimension") {
      declared = true;
      for (const corner of value.split(":")) {
        const cell = cellReference(corner);
        declaredRows = Math.max(declaredRows, cell.row);
        declaredColumns = Math.max(declaredColumns, cell.column);
      }
    } else {
      const cell = cellReference(value);
      rows = Math.max(rows, cell.row);
      columns = Math.max(columns, cell.column);
    }
  }
  return { rows, columns, declared: declared ? { rows: declaredRows, columns: declaredColumns } : null };
}

/** `XFD1048576` → row 1048576, column 16384; a row reference (`7`) has column 0; anything else counts as Infinity. */
function cellReference(text: string): { row: number; column: number } {
  const match = CELL.exec(text.trim());
  if (!match) return { row: Infinity, column: Infinity };
  const [, letters = "", digits = ""] = match;
  const row = digits === "" ? 0 : digits.length > 7 ? Infinity : Number(digits);
  if (letters.length > 3) return { row, column: Infinity };
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row, column };
}
