/** Writes rows as RFC 4180 CSV text (comma, LF, quotes only where needed). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join("\n") + "\n";
}

/** One CSV line (no line break): empty for null, quoted where a cell holds a comma, quote or line break. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map((cell) => (cell === null ? "" : quote(String(cell)))).join(",");
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
