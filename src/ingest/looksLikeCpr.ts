/**
 * True when a cell looks like a Danish CPR number: ddmmyy-xxxx, or ten digits whose
 * first six are a valid day and month (any year, so 29 February always passes).
 * Such a column is refused: effekt takes pseudonymised person ids only.
 */
export function looksLikeCpr(text: string): boolean {
  if (text.length !== 10 && text.length !== 11) return false;
  const match = /^(\d{2})(\d{2})\d{2}-?\d{4}$/.exec(text);
  if (!match) return false;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const maxDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return maxDay !== undefined && day >= 1 && day <= maxDay;
}
