/**
 * The CONSORT flow diagram: one box per stage with the counts the disclosure engine leaves, every person in one
 * path (hand-made numbers: 120 assessed = 3 excluded + 10 referred later + 7 awaiting + 100 randomised), a small
 * count as <5 in its box and what would give it back as x; a matched comparison draws pools, matched and not
 * matched, and never the word randomised.
 */
import { describe, expect, it } from "vitest";
import { consortSection } from "../../../src/report/sections/consort.ts";
import { texts } from "../../../src/report/i18n.ts";
import { Placeholders } from "../../../src/report/disclosure/placeholders.ts";
import { discloseTables } from "../../../src/report/disclosure/discloseTables.ts";
import type { RunArtefacts, SectionInput } from "../../../src/report/sections/section.ts";

const arm = (name: string, notYet: number, emigrated: number, analysed: number) => ({
  arm: name,
  randomised: notYet + emigrated + analysed,
  receivedAllocated: null,
  didNotReceiveAllocated: null,
  lostToFollowUp: { total: notYet + emigrated, followUpIncomplete: notYet, emigrated, died: 0, other: 0, extractCoverage: 0 },
  incomplete: { total: 0, quarantinedRow: 0, conflictingRows: 0 },
  notApplicable: 0,
  analysed,
});

function runOf(mode: "randomise" | "matched", unmatched = 15): RunArtefacts {
  const matched = mode === "matched";
  const arms = matched ? [arm("comparison", 6, 0, 24), arm("programme", 5, 0, 25)] : [arm("control", 8, 2, 40), arm("treatment", 9, 0, 41)];
  return {
    ingest: { persons: matched ? 85 + unmatched : 107, personsReferredAfterAsOf: matched ? 0 : 10, outcomes: [], asOf: "2025-05-15" },
    assignment: {
      design: { mode, arms: [{ name: arms[0]!.arm, control: true }, { name: arms[1]!.arm, control: false }] },
      persons: { enrolled: matched ? 85 + unmatched : 107, assigned: matched ? 60 : 100, awaitingRandomisation: matched ? 0 : 7 },
      matching: matched ? { programme: 30 + unmatched, matched: 30, unmatched, pool: 55, drawn: 30 } : null,
      balance: { rows: [] },
      consort: { assessed: matched ? 85 + unmatched : 120, excluded: matched ? { total: 0, byRule: {} } : { total: 3, byRule: { invalid_date: 3 } }, notAssigned: matched ? 25 + unmatched : 7, primaryOutcome: "y", arms, outcomeStatusByArm: [] },
    },
    effects: null,
    projection: null,
    repayment: null,
  } as unknown as RunArtefacts;
}

async function drawn(mode: "randomise" | "matched", lang: "da" | "en" = "en", unmatched = 15) {
  const later = new Placeholders();
  const run = runOf(mode, unmatched);
  const input = { lang, minCell: 5, spec: { outcomes: [{ id: "y" }], covariates: [], assignment: { mode, arms: [] } }, run, previous: null, manifest: { inputs: [], seeds: {}, versions: {} }, later } as unknown as SectionInput;
  const section = (await consortSection(input, texts(lang)))!;
  const disclosure = discloseTables([...section.tables], { lang, minCell: 5, run, previous: null });
  const html = await later.fill(section.html, section.tables, disclosure, lang);
  // Each box: its lines as "words value" (a rect with the box stroke, then its texts up to the next rect).
  const boxes = html.split('<rect').filter((part) => part.includes('stroke="#1f5f8b"')).map((part) => [...part.matchAll(/<text[^>]*>([^<]*(?:&lt;[^<]*)?)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, "<")).join(" "));
  return { html, boxes, consort: disclosure.tables.find((tb) => tb.id === "consort")! };
}

describe("consortSection: the CONSORT 2025 flow diagram", () => {
  it("draws one box per stage: assessed, 3 leaving it, randomised, and per arm allocation, follow-up, analysed", async () => {
    const { boxes, html } = await drawn("randomise");
    expect(boxes).toHaveLength(1 + 3 + 1 + 2 * 3);
    expect(boxes[0]).toBe("Assessed 120");
    expect(boxes[4]).toBe("Randomised 100");
    expect(boxes[5]).toBe("Allocated to control 50");
    expect(boxes[6]).toBe("Allocated to treatment 50");
    expect(boxes.filter((b) => b.startsWith("Analysed")).map((b) => b.split(" ").pop())).toEqual(["40", "41"]);
    expect(boxes[8]).toContain("Not yet followed long enough 9");
    expect(html).toContain('role="img"');
    expect(html).toContain("<figcaption>");
  });

  it("shows the 3 excluded as <5 in their box and hides what would give them back (120 − 10 − 7 − 100 = 3)", async () => {
    const { boxes } = await drawn("randomise");
    expect(boxes[1]).toMatch(/^Excluded .* <5 of whom invalid date <5$/);
    const later = [boxes[2]!.split(" ").pop(), boxes[3]!.split(" ").pop()];
    // One of «referred after the as-of date» (10) and «awaiting randomisation» (7) must go, or 120 − 100 − the other gives 3.
    expect(later.filter((v) => v === "x")).toHaveLength(1);
    expect(later.filter((v) => v === "10" || v === "7")).toHaveLength(1);
    // The 2 emigrated in control: <5, and the one other non-zero loss beside them hidden too.
    expect(boxes[7]).toContain("Lost: emigrated <5");
  });

  it("writes every box's count as a row of the consort table (stage_id, arm_id)", async () => {
    const { consort } = await drawn("randomise");
    const ids = consort.rows.filter((r) => r.arm_id === null).map((r) => r.stage_id);
    expect(ids).toEqual(["assessed", "excluded", "excluded:invalid_date", "not_yet_referred", "awaiting_randomisation", "randomised_total"]);
    // An arm's first ten rows keep their order (the attack reads them so).
    expect(consort.rows.filter((r) => r.arm_id === "control").map((r) => r.stage_id).slice(0, 10)).toEqual(["randomised", "received", "not_received", "lost:follow_up_incomplete", "lost:emigrated", "lost:died", "lost:other", "lost:extract_coverage", "incomplete", "analysed"]);
  });

  it("a matched comparison: each arm's pool, those not matched, the matched; never «randomised»", async () => {
    const { boxes, html } = await drawn("matched");
    expect(boxes).toHaveLength(1 + 1 + 2 * 5);
    expect(boxes.filter((b) => /pool|programme \(eligible/i.test(b) || b.startsWith("Potential") || b.startsWith("Received the programme")).map((b) => b.split(" ").pop())).toEqual(["55", "45"]);
    expect(boxes.filter((b) => b.startsWith("Not drawn") || b.startsWith("Not matched")).map((b) => b.split(" ").pop())).toEqual(["25", "15"]);
    expect(boxes.filter((b) => b.startsWith("Matched")).map((b) => b.split(" ").pop())).toEqual(["30", "30"]);
    expect(html).not.toMatch(/randomis/i);
    const da = await drawn("matched", "da");
    // 3 not matched: <5, and the programme pool (33 = 30 matched + 3) hidden too, or 33 − 30 gives them back.
    const few = await drawn("matched", "en", 3);
    expect(few.boxes.filter((b) => b.startsWith("Not matched")).map((b) => b.split(" ").pop())).toEqual(["<5"]);
    expect(few.boxes.filter((b) => b.startsWith("Received the programme")).map((b) => b.split(" ").pop())).toEqual(["x"]);
    // And with it the comparison side: 88 assessed − 0 excluded − 55 in the comparison pool would give the 33 again.
    expect(few.boxes.filter((b) => b.startsWith("Potential comparison") || b.startsWith("Not drawn")).map((b) => b.split(" ").pop())).toEqual(["x", "x"]);
    expect(da.html).not.toMatch(/(?<!ikke )randomiseret/i);
  });
});
