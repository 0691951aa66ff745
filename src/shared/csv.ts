/** Writes rows as RFC 4180 CSV text (comma, LF, quotes only where needed). */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [header.map(quote).join(",")];
  for (const row of rows) lines.push(row.map((cell) => (cell === null ? "" : quote(String(cell)))).join(","));
  return lines.join("\n") + "\n";
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
