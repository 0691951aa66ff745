/**
 * CSV text as effekt writes it: RFC 4180 (comma, LF, quotes only where needed), and no cell a
 * spreadsheet would run. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is written with a leading `'` (OWASP's advice against CSV injection), unless it is a
 * plain number (`-3.5`, `-0,125`, `+4`) or a lone dash placeholder (`-`, `–`). Numbers are never
 * touched. A text that already starts with `'` before such a character gets one more `'`, so the
 * tool reads back exactly what it wrote (`fromCsvCell`).
 */

/** Writes rows as RFC 4180 CSV text, every text cell neutralised (`csvCell`). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join("\n") + "\n";
}

/** One CSV line (no line break): empty for null, quoted where a cell holds a comma, quote or line break. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i += 1) {
    if (i > 0) line += ",";
    const cell = cells[i];
    // A number's text never holds a comma, quote or line break, and is never a formula.
    if (cell !== null) line += typeof cell === "number" ? String(cell) : quote(csvCell(String(cell)));
  }
  return line;
}

/** A text cell as it is written: with a leading `'` where a spreadsheet would take it as a formula. */
export function csvCell(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

/** A cell as the tool wrote it, back to its text: the inverse of `csvCell`. */
export function fromCsvCell(text: string): string {
  return text.charCodeAt(0) === APOSTROPHE && needsApostrophe(text.slice(1)) ? text.slice(1) : text;
}

/** A CSV row read back (csv-parse's `columns: true` objects): every cell through `fromCsvCell`. */
export function fromCsvRow(row: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) out[fromCsvCell(key)] = fromCsvCell(value);
  return out;
}

const APOSTROPHE = 0x27;
/**
 * A plain number as text — `.` or `,` for decimals, an exponent, or thousands grouped by `.`, `,`
 * or a space (`-1.234.567,89`) — only digits and separators after the sign: harmless in a
 * spreadsheet, and left readable as a number.
 */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?|\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?)$/;
/** A dash alone is the "no value" placeholder, not a formula. */
const LONE_DASH = /^[-–—]$/;

function needsApostrophe(text: string): boolean {
  // Apostrophes already in front are kept and one more is added, so the first other character decides.
  let at = 0;
  while (text.charCodeAt(at) === APOSTROPHE) at += 1;
  switch (text.charCodeAt(at)) {
    case 0x3d: // =
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
      return true;
    case 0x2b: // +
    case 0x2d: {
      // - (a number or a placeholder is left as it is)
      const rest = at === 0 ? text : text.slice(at);
      return !PLAIN_NUMBER.test(rest) && !LONE_DASH.test(rest);
    }
    default:
      return false;
  }
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
