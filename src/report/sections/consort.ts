/**
 * CONSORT: the flow of persons as a CONSORT 2025 diagram (../consortDiagram.ts) and its table. Every person is in
 * exactly one path: assessed = excluded + referred after the as-of date + awaiting randomisation + not assigned +
 * the arms; per arm (allocated) = the losses by reason + not yet followed long enough + incomplete + analysed
 * (+ the outcome not applying). A matched comparison draws each arm's pool with those not matched instead of
 * "randomised". Every count in a box is its table row's cell as the disclosure engine leaves it.
 */
import { ruleName } from "../i18n.ts";
import { consortSvg, type FlowArm, type FlowBox, type FlowLine } from "../consortDiagram.ts";
import { count, countsOfTotal, type Cell } from "../suppression.ts";
import type { Table } from "../table.ts";
import { figureHtml } from "../figure.ts";
import { armLabeller, isMatched, outcomeLabeller, type SectionBuilder } from "./section.ts";

type Row = Record<string, Cell>;

export const consortSection: SectionBuilder = (input, t) => {
  const { lang, minCell, run } = input;
  if (!run.assignment) return null;
  const matched = isMatched(input);
  // 1. The rows before the arms: assessed, excluded (by rule), not yet referred, awaiting, not assigned, randomised.
  const top = topRowsOf(input, t);
  // 2. Per arm: allocated, received, the losses, analysed (and, matched, the pool and those not matched).
  const flows = run.assignment.consort.arms.map((arm) => armFlowOf(input, t, arm));
  // The order of an arm's first ten rows is the CSV's contract (attackReport reads them so); rows added later go to the table's end.
  const rows = [...top.rows, ...flows.flatMap((f) => f.rows), ...flows.flatMap((f) => f.laterRows)];
  // 3. The diagram, each box showing its row's cell as the disclosure engine leaves it.
  const lineOf = lineMaker(input);
  const excludedBox: FlowBox = { title: lineOf(top.excluded), lines: top.reasonRows.map((r, i) => lineOf(r, t("consortExcludedReason", { reason: ruleName(lang, top.reasons[i]!) }))) };
  const svg = consortSvg({
    bands: { enrolment: t("consortBandEnrolment"), allocation: t(matched ? "consortBandMatching" : "consortBandAllocation"), followUp: t("consortBandFollowUp"), analysis: t("consortBandAnalysis") },
    assessed: { title: lineOf(top.assessed), lines: [] },
    side: [excludedBox, ...top.side.map((r) => ({ title: lineOf(r), lines: [] }))],
    split: top.randomisedTotal ? { title: lineOf(top.randomisedTotal), lines: [] } : null,
    arms: flows.map((f) => f.arm),
  });
  const description = t("consortDescription", { assigned: t(matched ? "consortAssignedWordMatched" : "consortAssignedWordRandomised") });
  const consort: Table = { id: "consort", columns: [{ key: "stage", label: t("consort"), kind: "text", id: "stage_id" }, { key: "arm", label: t("arm"), kind: "text", id: "arm_id" }, { key: "n", label: t("persons"), kind: "count" }], rows };
  return {
    html: figureHtml(svg, { caption: `${t("figureWord")}: ${t("consortCaption", { n: minCell })}`, description }, "consort-figure"),
    tables: [consort],
  };
};

type Input = Parameters<SectionBuilder>[0];
type Words = Parameters<SectionBuilder>[1];
type ConsortArm = NonNullable<Input["run"]["assignment"]>["consort"]["arms"][number];

/** A box line: its row's words (or a label) and the row's cell as the disclosure engine leaves it. */
function lineMaker(input: Input): (row: Row, label?: string) => FlowLine {
  return (row, label = String(row.stage)) => ({ label, value: input.later.cell(row, "n") });
}

/** The rows with no arm; stage_id and arm_id are the machine form (the CSV's and the disclosure engine's), stage and arm the words. */
function topRowsOf(input: Input, t: Words) {
  const { lang, minCell, run } = input;
  const a = run.assignment!;
  const c = a.consort;
  const matched = isMatched(input);
  const top = (stage_id: string, stage: string, n: Cell): Row => ({ stage, stage_id, arm: null, arm_id: null, n });
  const assessed = top("assessed", t("assessed"), count(c.assessed, minCell));
  const excluded = top("excluded", t("excluded"), count(c.excluded.total, minCell));
  // Why persons were excluded, by rule (conflicting_rows: listed twice with other values), suppressed within the total.
  const reasons = Object.entries(c.excluded.byRule);
  const reasonCells = countsOfTotal(reasons.map(([, n]) => n), minCell);
  const reasonRows: Row[] = reasons.map(([rule], i) => top(`excluded:${rule}`, `${t("excluded")}: ${ruleName(lang, rule)}`, reasonCells[i]!));
  const notYetReferred = run.ingest.personsReferredAfterAsOf > 0 ? top("not_yet_referred", t("consortNotYetReferred"), count(run.ingest.personsReferredAfterAsOf, minCell)) : null;
  const awaitingCount = a.persons.awaitingRandomisation;
  const awaiting = !matched && (a.design.mode === "randomise" || awaitingCount > 0) ? top("awaiting_randomisation", t("consortAwaiting"), count(awaitingCount, minCell)) : null;
  const otherNotAssigned = matched ? 0 : c.notAssigned - awaitingCount;
  const notAssigned = otherNotAssigned > 0 ? top("not_assigned", t("consortNotAssigned"), count(otherNotAssigned, minCell)) : null;
  const randomisedTotal = matched ? null : top("randomised_total", t("randomised"), count(c.arms.reduce((s, x) => s + x.randomised, 0), minCell));
  const isRow = (r: Row | null): r is Row => r !== null;
  return {
    rows: [assessed, excluded, ...reasonRows, notYetReferred, awaiting, notAssigned, randomisedTotal].filter(isRow),
    assessed,
    excluded,
    reasons: reasons.map(([rule]) => rule),
    reasonRows,
    /** The boxes beside the flow after the excluded: not yet referred, awaiting, not assigned. */
    side: [notYetReferred, awaiting, notAssigned].filter(isRow),
    randomisedTotal,
  };
}

/** One arm's rows (the first ten in their fixed order, then those added later) and its column of the diagram. */
function armFlowOf(input: Input, t: Words, arm: ConsortArm): { rows: Row[]; laterRows: Row[]; arm: FlowArm } {
  const { minCell } = input;
  const a = input.run.assignment!;
  const matched = isMatched(input);
  const lineOf = lineMaker(input);
  const lost = countsOfTotal([arm.lostToFollowUp.followUpIncomplete, arm.lostToFollowUp.emigrated, arm.lostToFollowUp.died, arm.lostToFollowUp.other, arm.lostToFollowUp.extractCoverage, arm.incomplete.total, arm.notApplicable], minCell);
  const receivedPair = arm.receivedAllocated === null ? [null, null] : countsOfTotal([arm.receivedAllocated, arm.didNotReceiveAllocated!], minCell);
  const label = armLabeller(input, t)(arm.arm);
  const row = (stage_id: string, stage: string, n: Cell): Row => ({ stage, stage_id, arm: label, arm_id: arm.arm, n });
  const allocated = row("randomised", t(matched ? "matchedWord" : "randomised"), count(arm.randomised, minCell));
  const received = row("received", t("received"), receivedPair[0] ?? null);
  const notReceived = row("not_received", t("notReceived"), receivedPair[1] ?? null);
  const losses = [
    row("lost:follow_up_incomplete", t("consortNotFollowedLongEnough"), lost[0]!),
    row("lost:emigrated", t("consortLostReason", { reason: t("emigrated") }), lost[1]!),
    row("lost:died", t("consortLostReason", { reason: t("died") }), lost[2]!),
    row("lost:other", t("consortLostReason", { reason: t("other") }), lost[3]!),
    row("lost:extract_coverage", t("consortLostReason", { reason: t("extractCoverage") }), lost[4]!),
    row("incomplete", t("incompleteData"), lost[5]!),
  ];
  const analysed = row("analysed", t("analysed"), count(arm.analysed, minCell));
  const laterRows: Row[] = [];
  const notApplicable = arm.notApplicable > 0 ? row("not_applicable", t("consortNotApplicable"), lost[6]!) : null;
  if (notApplicable) laterRows.push(notApplicable);
  let pool: FlowArm["pool"] = null;
  if (matched && a.matching) {
    const control = a.design.arms.find((x) => x.name === arm.arm)?.control ?? false;
    const [poolCount, outCount] = control ? [a.matching.pool, a.matching.pool - a.matching.drawn] : [a.matching.programme, a.matching.unmatched];
    const poolRow = row("pool", t(control ? "consortPoolComparison" : "consortPoolProgramme", { arm: label }), count(poolCount, minCell));
    const outRow = row("unmatched", t(control ? "consortUnmatchedComparison" : "consortUnmatchedProgramme"), count(outCount, minCell));
    laterRows.push(poolRow, outRow);
    pool = { box: { title: lineOf(poolRow), lines: [] }, out: { title: lineOf(outRow), lines: [] } };
  }
  const allocationTitle = matched ? t("consortMatchedIn", { arm: label }) : t("consortAllocatedTo", { arm: label });
  const analysedLabel = t("consortAnalysedFor", { outcome: outcomeLabeller(input)(a.consort.primaryOutcome) });
  return {
    rows: [allocated, received, notReceived, ...losses, analysed],
    laterRows,
    arm: {
      pool,
      allocation: { title: lineOf(allocated, allocationTitle), lines: arm.receivedAllocated === null ? [] : [lineOf(received), lineOf(notReceived)] },
      followUp: { title: { label: t("consortFollowUpBox"), value: null }, lines: [...losses.map((r) => lineOf(r)), ...(notApplicable ? [lineOf(notApplicable)] : [])] },
      analysis: { title: lineOf(analysed, analysedLabel), lines: [] },
    },
  };
}
