import { describe, expect, it } from "vitest";
import { findCprInJson } from "../../src/shared/findCprInJson.ts";

describe("findCprInJson(value)", () => {
  it("findCprInJson names the path of the first string holding a CPR number, in arrays and objects", () => {
    expect(findCprInJson({ labels: { da: "Gruppe", en: ["ok", "Jens 010190-1234"] } })).toEqual(["labels", "en", 1]);
    expect(findCprInJson("0101901234")).toEqual([]);
  });

  it("findCprInJson names a CPR-like key with its digits masked, never the value", () => {
    expect(findCprInJson({ arms: { "010190-1234": "treatment" } })).toEqual(["arms", "######-####"]);
  });

  it("findCprInJson is null for numbers, non-dates and SHA-256 hashes whose digits look like a date", () => {
    expect(findCprInJson({ n: 101901234, text: "321390-1234", eleven: "12345678901" })).toBeNull();
    const hash = "0101901234" + "a".repeat(54);
    expect(findCprInJson({ sha256: hash })).toBeNull();
    expect(findCprInJson({ notHash: hash.slice(0, 63) })).toEqual(["notHash"]);
  });
});
