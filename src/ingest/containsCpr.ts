/**
 * True when a text holds a value that looks like a Danish CPR number, in any spelling: six
 * digits that start with a valid day and month (any year, so 29 February always passes), then
 * four digits, with nothing between them or a short run (at most 5) of separators — spaces
 * (also no-break and thin), `-`, the Unicode dashes and minus, `/`, `.`, `_` — anywhere in the
 * text. The six and the four digits are whole runs: a digit right before or after them makes a
 * longer number, not a CPR number (an 11-digit id, `010190-12345`), and digits after a decimal
 * point that follows a digit are a number's fraction (`426056.2403847679`; not after a comma,
 * which may separate two fields of a line). This is the one detector:
 * ids, every cell and header of an extract or table, file names, labels and messages are judged
 * by it, and what it finds is never echoed.
 *
 * It runs once per distinct cell (the byte readers memoise it), and a text with fewer than ten
 * digits is answered after one pass over its characters.
 *
 * Limits: six digits written with separators inside them (`01 01 90 1234`) and digits other than
 * ASCII 0–9 are not recognised.
 *
 * @example
 * containsCpr("Jens Hansen 010190/1234") // true
 * containsCpr("010190 1234")             // true
 * containsCpr("321390-1234")             // false: no 32nd day
 * containsCpr("12345678901")             // false: eleven digits
 */
export function containsCpr(text: string): boolean {
  const length = text.length;
  if (length < 10) return false;
  let digits = 0;
  for (let i = 0; i < length && digits < 10; i += 1) if (isDigit(text.charCodeAt(i))) digits += 1;
  if (digits < 10) return false;
  let i = 0;
  while (i < length) {
    if (!isDigit(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end += 1;
    const run = end - i;
    if (isFraction(text, i)) {
      i = end;
      continue;
    }
    if (run === 10 && isDayAndMonth(text, i)) return true;
    if (run === 6 && isDayAndMonth(text, i)) {
      let next = end;
      while (next < length && next - end <= MAX_SEPARATORS && isSeparator(text.charCodeAt(next))) next += 1;
      if (next > end && next - end <= MAX_SEPARATORS) {
        let last = next;
        while (last < length && isDigit(text.charCodeAt(last))) last += 1;
        if (last - next === 4) return true;
      }
    }
    i = end;
  }
  return false;
}

/** The most separator characters taken between the six and the four digits ("010190 -  1234"). */
const MAX_SEPARATORS = 5;

/** The longest day of each month, 29 for February (a CPR number's year is two digits). */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digits at `at` follow a decimal point that follows a digit: a number's fraction. */
function isFraction(text: string, at: number): boolean {
  return at >= 2 && text.charCodeAt(at - 1) === 0x2e && isDigit(text.charCodeAt(at - 2));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The two digits at `at` are a day and the next two a month it has. */
function isDayAndMonth(text: string, at: number): boolean {
  const day = (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
  const month = (text.charCodeAt(at + 2) - 48) * 10 + (text.charCodeAt(at + 3) - 48);
  const maxDay = MAX_DAY[month - 1];
  return maxDay !== undefined && day >= 1 && day <= maxDay;
}

function isSeparator(code: number): boolean {
  switch (code) {
    case 0x20: // space
    case 0xa0: // no-break space
    case 0x2009: // thin space
    case 0x202f: // narrow no-break space
    case 0x2d: // -
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2015: // horizontal bar
    case 0x2212: // minus sign
    case 0x2f: // /
    case 0x2e: // .
    case 0x5f: // _
      return true;
    default:
      return false;
  }
}
