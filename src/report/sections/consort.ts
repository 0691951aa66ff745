/** CONSORT: assessed, excluded by rule, and per arm randomised → received → lost → analysed; small cells suppressed within each total. */
import { formatNumber, ruleName } from "../i18n.ts";
import { count, countsOfTotal, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { armLabeller, isMatched, type SectionBuilder } from "./section.ts";

export const consortSection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  if (!run.assignment) return null;
  const c = run.assignment.consort;
  const shown = (n: Cell) => (n === null ? "–" : typeof n === "number" ? formatNumber(lang, n) : String(n));
  const rows: Record<string, Cell>[] = [{ stage: t("assessed"), arm: null, n: count(c.assessed, minCell) }, { stage: t("excluded"), arm: null, n: count(c.excluded.total, minCell) }];
  // Why persons were excluded, by rule (conflicting_rows: listed twice with other values), suppressed within the total.
  const reasons = Object.entries(c.excluded.byRule);
  const reasonCells = countsOfTotal(reasons.map(([, n]) => n), minCell);
  const reasonRows: Record<string, Cell>[] = reasons.map(([rule], i) => ({ stage: `${t("excluded")}: ${ruleName(lang, rule)}`, arm: null, n: reasonCells[i]! }));
  const boxes: string[] = [];
  const armOf = armLabeller(input, t);
  const assigned = t(isMatched(input) ? "matchedWord" : "randomised");
  for (const arm of c.arms) {
    const lost = countsOfTotal([arm.lostToFollowUp.followUpIncomplete, arm.lostToFollowUp.emigrated, arm.lostToFollowUp.died, arm.lostToFollowUp.other, arm.lostToFollowUp.extractCoverage, arm.incomplete.total], minCell);
    const receivedPair = arm.receivedAllocated === null ? [null, null] : countsOfTotal([arm.receivedAllocated, arm.didNotReceiveAllocated!], minCell);
    const armLabel = armOf(arm.arm);
    const armRows: Record<string, Cell>[] = [
      { stage: assigned, arm: armLabel, n: count(arm.randomised, minCell) },
      { stage: t("received"), arm: armLabel, n: receivedPair[0] ?? null },
      { stage: t("notReceived"), arm: armLabel, n: receivedPair[1] ?? null },
      { stage: `${t("lost")}: ${t("followUpIncomplete")}`, arm: armLabel, n: lost[0]! },
      { stage: `${t("lost")}: ${t("emigrated")}`, arm: armLabel, n: lost[1]! },
      { stage: `${t("lost")}: ${t("died")}`, arm: armLabel, n: lost[2]! },
      { stage: `${t("lost")}: ${t("other")}`, arm: armLabel, n: lost[3]! },
      { stage: `${t("lost")}: ${t("extractCoverage")}`, arm: armLabel, n: lost[4]! },
      { stage: t("incompleteData"), arm: armLabel, n: lost[5]! },
      { stage: t("analysed"), arm: armLabel, n: count(arm.analysed, minCell) },
    ];
    rows.push(...armRows);
    boxes.push(`<div class="consort-arm"><h3>${escapeHtml(armOf(arm.arm))}</h3>${armRows.map((r) => `<div class="box"><span>${escapeHtml(String(r.stage))}</span><b>${escapeHtml(shown(r.n ?? null))}</b></div>`).join('<div class="arrow">↓</div>')}</div>`);
  }
  rows.splice(2, 0, ...reasonRows);
  const consort: Table = { id: "consort", columns: [{ key: "stage", label: t("consort"), kind: "text" }, { key: "arm", label: t("arm"), kind: "text" }, { key: "n", label: "n", kind: "count" }], rows };
  return {
    html: `<div class="consort"><div class="box top"><span>${escapeHtml(t("assessed"))}</span><b>${escapeHtml(String(rows[0]!.n))}</b></div><div class="box top"><span>${escapeHtml(t("excluded"))}</span><b>${escapeHtml(String(rows[1]!.n))}</b></div>${reasonRows.map((r) => `<div class="box top"><span>${escapeHtml(String(r.stage))}</span><b>${escapeHtml(typeof r.n === "number" ? formatNumber(lang, r.n) : String(r.n))}</b></div>`).join("")}<div class="consort-arms">${boxes.join("")}</div></div>`,
    tables: [consort],
  };
};
