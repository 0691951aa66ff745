/** Labels in two languages: plain text stays valid, { da, en } gives each language its own. */
import { describe, expect, it } from "vitest";
import { Label, labelIn } from "../../src/shared/label.ts";
import { Arm } from "../../src/spec/schema.ts";

describe("Label and labelIn(lang, label)", () => {
  it("shows plain text as it is in either language", () => {
    expect(labelIn("da", Label.parse("UngiFokus"))).toBe("UngiFokus");
    expect(labelIn("en", Label.parse("UngiFokus"))).toBe("UngiFokus");
  });

  it("picks the language of { da, en }", () => {
    const label = Label.parse({ da: "Kontrolgruppe", en: "Control group" });
    expect([labelIn("da", label), labelIn("en", label)]).toEqual(["Kontrolgruppe", "Control group"]);
  });

  it("refuses a label with one language only, or an unknown one", () => {
    expect(Label.safeParse({ da: "Kontrolgruppe" }).success).toBe(false);
    expect(Label.safeParse({ da: "Kontrolgruppe", en: "Control group", de: "Kontrollgruppe" }).success).toBe(false);
  });

  it("an arm takes a label, and one without stays valid", () => {
    expect(Arm.parse({ name: "control", ratio: 1, control: true, label: { da: "Kontrolgruppe", en: "Control group" } }).label).toEqual({ da: "Kontrolgruppe", en: "Control group" });
    expect(Arm.parse({ name: "control", ratio: 1, control: true }).label).toBeUndefined();
  });
});
