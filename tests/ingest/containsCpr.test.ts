import { describe, expect, it } from "vitest";
import { containsCpr } from "../../src/ingest/containsCpr.ts";

describe("containsCpr", () => {
  it.each([
    "010190-1234",
    "0101901234",
    "311299-0000",
    "290200-1111",
    "010190 1234",
    "010190  1234",
    "010190 - 1234",
    "010190/1234",
    "020290.4321",
    "010190_1234",
    "010190\u20131234", // en dash
    "010190\u20141234", // em dash
    "010190\u22121234", // minus sign
    "010190\u00a01234", // no-break space
    "010190-1234-",
    "-010190-1234",
    "Jens Hansen 010190/1234",
    "Jens Hansen, cpr 010190-1234, Aarhus",
    "id0101901234x",
    '1;"110295-3782"x;2',
    "12-010190-1234",
    "0101901234.5", // a 10-digit whole part is refused, as before
    "nr.010190-1234",
    "5,0101901234", // after a comma: maybe two fields of a line, so refused as before
  ])("finds a CPR-like value in %j", (text) => {
    expect(containsCpr(text)).toBe(true);
  });

  it.each([
    "UF00001",
    "3201901234", // day 32
    "321390-1234", // day 32, month 13
    "0113901234", // month 13
    "0100901234", // month 0
    "0001901234", // day 0
    "310490-1234", // 31 April
    "123456789", // 9 digits
    "01019012345", // 11 digits
    "12345678901", // an 11-digit id
    "010190-12345", // 6 + 5
    "1010190-1234", // 7 + 4
    "01019-01234", // 5 + 5
    "010190      1234", // six separators: not one value
    "010190,1234", // a comma is a field or decimal separator, not a CPR separator
    "010190;1234",
    "010190\t1234",
    "1.234.567,89",
    "1234567,89",
    "2022-01-01",
    "20220101",
    "2022-01-01 12:34:56",
    "+45 12 34 56 78",
    "12 34 56 78 90",
    "01 01 90 1234", // the six digits split: a known limit
    "0.0101901234", // a number's fraction
    "426056.2403847679",
    "",
    "0101901234".replace(/\d/g, "x"),
  ])("finds none in %j", (text) => {
    expect(containsCpr(text)).toBe(false);
  });

  it("answers a long text without digits, and a long text with one CPR-like value at the end", () => {
    const filler = "Kontanthjælp, aktivitetsparat ".repeat(10_000);
    expect(containsCpr(filler)).toBe(false);
    expect(containsCpr(`${filler}010190 1234`)).toBe(true);
  });
});
