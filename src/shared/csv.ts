/** Writes rows as RFC 4180 CSV text (comma, LF, quotes only where needed). */
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
    // A number's text never holds a comma, quote or line break.
    if (cell !== null) line += typeof cell === "number" ? String(cell) : quote(String(cell));
  }
  return line;
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
