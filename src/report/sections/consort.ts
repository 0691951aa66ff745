/** CONSORT: assessed, excluded by rule, and per arm randomised → received → lost → analysed; small cells suppressed within each total. */
import { ruleName } from "../i18n.ts";
import { count, countsOfTotal, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, isMatched, type SectionBuilder } from "./section.ts";

export const consortSection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  if (!run.assignment) return null;
  const c = run.assignment.consort;
  // A box shows its table row's cell as the disclosure engine leaves it.
  const shown = (row: Record<string, Cell>) => input.later.cell(row, "n");
  // stage_id and arm_id are the machine form (the CSV's and the disclosure engine's); stage and arm are the words.
  const rows: Record<string, Cell>[] = [
    { stage: t("assessed"), stage_id: "assessed", arm: null, arm_id: null, n: count(c.assessed, minCell) },
    { stage: t("excluded"), stage_id: "excluded", arm: null, arm_id: null, n: count(c.excluded.total, minCell) },
  ];
  // Why persons were excluded, by rule (conflicting_rows: listed twice with other values), suppressed within the total.
  const reasons = Object.entries(c.excluded.byRule);
  const reasonCells = countsOfTotal(reasons.map(([, n]) => n), minCell);
  const reasonRows: Record<string, Cell>[] = reasons.map(([rule], i) => ({ stage: `${t("excluded")}: ${ruleName(lang, rule)}`, stage_id: `excluded:${rule}`, arm: null, arm_id: null, n: reasonCells[i]! }));
  const boxes: string[] = [];
  const armOf = armLabeller(input, t);
  const assigned = t(isMatched(input) ? "matchedWord" : "randomised");
  for (const arm of c.arms) {
    const lost = countsOfTotal([arm.lostToFollowUp.followUpIncomplete, arm.lostToFollowUp.emigrated, arm.lostToFollowUp.died, arm.lostToFollowUp.other, arm.lostToFollowUp.extractCoverage, arm.incomplete.total], minCell);
    const receivedPair = arm.receivedAllocated === null ? [null, null] : countsOfTotal([arm.receivedAllocated, arm.didNotReceiveAllocated!], minCell);
    const armLabel = armOf(arm.arm);
    const armRows: Record<string, Cell>[] = [
      { stage: assigned, stage_id: "randomised", arm: armLabel, arm_id: arm.arm, n: count(arm.randomised, minCell) },
      { stage: t("received"), stage_id: "received", arm: armLabel, arm_id: arm.arm, n: receivedPair[0] ?? null },
      { stage: t("notReceived"), stage_id: "not_received", arm: armLabel, arm_id: arm.arm, n: receivedPair[1] ?? null },
      { stage: `${t("lost")}: ${t("followUpIncomplete")}`, stage_id: "lost:follow_up_incomplete", arm: armLabel, arm_id: arm.arm, n: lost[0]! },
      { stage: `${t("lost")}: ${t("emigrated")}`, stage_id: "lost:emigrated", arm: armLabel, arm_id: arm.arm, n: lost[1]! },
      { stage: `${t("lost")}: ${t("died")}`, stage_id: "lost:died", arm: armLabel, arm_id: arm.arm, n: lost[2]! },
      { stage: `${t("lost")}: ${t("other")}`, stage_id: "lost:other", arm: armLabel, arm_id: arm.arm, n: lost[3]! },
      { stage: `${t("lost")}: ${t("extractCoverage")}`, stage_id: "lost:extract_coverage", arm: armLabel, arm_id: arm.arm, n: lost[4]! },
      { stage: t("incompleteData"), stage_id: "incomplete", arm: armLabel, arm_id: arm.arm, n: lost[5]! },
      { stage: t("analysed"), stage_id: "analysed", arm: armLabel, arm_id: arm.arm, n: count(arm.analysed, minCell) },
    ];
    rows.push(...armRows);
    boxes.push(`<div class="consort-arm"><h3>${escapeHtml(armOf(arm.arm))}</h3>${armRows.map((r) => `<div class="box"><span>${escapeHtml(String(r.stage))}</span><b>${shown(r)}</b></div>`).join('<div class="arrow">↓</div>')}</div>`);
  }
  rows.splice(2, 0, ...reasonRows);
  const consort: Table = { id: "consort", columns: [{ key: "stage", label: t("consort"), kind: "text", id: "stage_id" }, { key: "arm", label: t("arm"), kind: "text", id: "arm_id" }, { key: "n", label: t("persons"), kind: "count" }], rows };
  return {
    html: `<div class="consort"><div class="box top"><span>${escapeHtml(t("assessed"))}</span><b>${shown(rows[0]!)}</b></div><div class="box top"><span>${escapeHtml(t("excluded"))}</span><b>${shown(rows[1]!)}</b></div>${reasonRows.map((r) => `<div class="box top"><span>${escapeHtml(String(r.stage))}</span><b>${shown(r)}</b></div>`).join("")}<div class="consort-arms">${boxes.join("")}</div></div>`,
    tables: [consort],
  };
};
