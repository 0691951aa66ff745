/** Which values a message may list: a few, none like a CPR number — decided by the caller, formatted by src/messages.ts. */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/messages.ts";
import { valuesToShow } from "../../src/shared/valuesToShow.ts";

describe("valuesToShow(values)", () => {
  it("lists up to ten values as they are", () => {
    const ten = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    expect(valuesToShow(ten)).toEqual({ listed: ten });
    expect(valuesToShow([])).toEqual({ listed: [] });
  });

  it("gives only the number for eleven values", () => {
    expect(valuesToShow(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"])).toEqual({ count: 11 });
  });

  it("gives only the number when one value looks like a CPR number (a valid day and month, then four digits)", () => {
    expect(valuesToShow(["control", "010190-1234"])).toEqual({ count: 2 });
    expect(valuesToShow(["control", "321390-1234"])).toEqual({ listed: ["control", "321390-1234"] }); // no 32nd day
  });
});

describe("messages format what they are given, deciding nothing", () => {
  it("lists the values given, or says how many", () => {
    expect(messages.oneArm("arm", { listed: ["1"] })).toBe("column 'arm' holds only one arm ('1')");
    expect(messages.oneArm("arm", { count: 12 })).toBe("column 'arm' holds only one arm (12 distinct values, not shown)");
    // What the caller chose to list is listed as it is: the decision is valuesToShow's, not the message's.
    expect(messages.valuesShown({ listed: ["x", "y"] })).toBe("'x', 'y'");
  });
});
