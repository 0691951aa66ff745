/** The report's words looked up by id: notes with their parameters in each language's numbers, and no id passed through. */
import { describe, expect, it } from "vitest";
import { estimatorName, noteFormat, noteOrLabel, noteText, ruleName, statusName } from "../../src/report/i18n.ts";
import { note } from "../../src/shared/note.ts";

describe("noteText(lang, note)", () => {
  it("writes kroner as each language does: 2.000.000 kr. / 2,000,000 kr", () => {
    expect(noteText("da", note("cap_total", { kr: 2_000_000 }))).toBe("samlet loft 2.000.000 kr.");
    expect(noteText("en", note("cap_total", { kr: 2_000_000 }))).toBe("total cap 2,000,000 kr");
  });

  it("names a line in the language, and leaves it out when there is none", () => {
    expect(noteText("da", note("portfolio_net", { row: "Havnen", line: 688 }))).toBe("Havnen (linje 688): netto = besparelse − tilbagebetaling");
    expect(noteText("en", note("portfolio_net", { row: "Havnen", line: null }))).toBe("Havnen: net = savings − repayment");
  });

  it("writes decimals with a comma in Danish: (18,2 − 14,1) / 10 = 0,41", () => {
    const yearly = (18.2 - 14.1) / 10;
    expect(noteText("da", note("portfolio_yearly_arithmetic", { savings: 18.2, repayment: 14.1, years: 10, yearly, unit: "mio. kr" }))).toBe("(18,2 − 14,1) / 10 = 0,41 mio. kr om året");
  });

  it("names an arm by the caller's words, not its id", () => {
    const format = noteFormat("da", (id) => (id === "treatment" ? "indsatsgruppen" : id));
    expect(noteText("da", note("logrank_events", { observed: 12, expected: 15.5, arm: "treatment" }), format)).toBe("12 observerede og 15,5 forventede hændelser i indsatsgruppen");
  });

  it("noteOrLabel shows a user's own label as it is, in the report's language", () => {
    expect(noteOrLabel("en", { da: "trykfejl", en: "misprint" })).toBe("misprint");
    expect(noteOrLabel("da", null)).toBe("");
  });
});

describe("names by id", () => {
  it("estimatorName, ruleName and statusName give words, and throw on an id no stage writes", () => {
    expect(estimatorName("da", "cace")).toBe("Effekt for dem, der modtog indsatsen (CACE)");
    expect(ruleName("en", "duplicate_row")).toBe("repeated row");
    expect(statusName("da", "censored:died")).toBe("censureret: død");
    expect(() => estimatorName("da", "no_such_estimator")).toThrow("estimatorName: unknown estimator no_such_estimator");
    expect(() => ruleName("da", "no_such_rule")).toThrow("ruleName: unknown ingest rule no_such_rule");
  });
});
