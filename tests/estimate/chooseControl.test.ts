import { describe, expect, it } from "vitest";
import { chooseControl } from "../../src/estimate/chooseControl.ts";

describe("chooseControl(arms)", () => {
  it("chooseControl(['1', '0']) is '0' for a 0/1-coded treatment column", () => {
    expect(chooseControl(["1", "0"])).toBe("0");
  });
  it("chooseControl names the one arm called control or kontrol, in any case and with spaces", () => {
    expect(chooseControl(["indsats", " Kontrol "])).toBe(" Kontrol ");
    expect(chooseControl(["CONTROL", "treatment", "booster"])).toBe("CONTROL");
  });
  it("chooseControl is null when nothing says which arm is control, or two arms claim it (never guessed)", () => {
    expect(chooseControl(["a", "b"])).toBeNull();
    expect(chooseControl(["control", "kontrol"])).toBeNull();
    expect(chooseControl(["0", "1", "2"])).toBeNull();
  });
});
