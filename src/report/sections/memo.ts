/**
 * The summary in sentences an economist can paste into the council memo (issue #28), written after the disclosure
 * engine from the disclosed tables, so every number in it is a published table cell:
 *
 *   intake and arms (summary), followed (consort: analysed) → the primary effect (effects_primary; the look's rule
 *   from the summary's monitoring row) → secondary outcomes significant after Holm (effects) → net savings per sector
 *   (case_sectors_<case>) → repayment per contract (summary; period statuses from the ledger) → failed checks, caveats
 *
 * A suppressed figure is said to be suppressed; the same sentences are report/summary.txt.
 */
import { PERIOD_STATUSES } from "../../repay/schema.ts";
import { labelIn } from "../../shared/label.ts";
import { caseTableId, horizonOf, sectorWord } from "../businessTables.ts";
import { SECTOR_KEYS } from "../businessCase.ts";
import { checkName, formatNumber, formatP } from "../i18n.ts";
import type { Cell } from "../suppression.ts";
import type { Table } from "../table.ts";
import { contractName } from "../repaymentTables.ts";
import { memoKr } from "./savings.ts";
import { formatDate } from "./status.ts";
import { armLabeller, isMatched, outcomeLabeller, primaryOutcomeOf, type ReportInput, type Texts } from "./section.ts";

type Row = Readonly<Record<string, Cell>>;

/** A cell the engine suppressed (`<5`, `x`) or that is not there. */
function hidden(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && (cell === "x" || cell.startsWith("<")));
}

/** The estimators whose difference is not adjusted for covariates (the raw means are on its basis). */
const UNADJUSTED = new Set(["difference_in_means", "difference_in_means_blocked"]);

export function memoSentences(input: ReportInput, t: Texts, tables: readonly Table[]): string[] {
  const rowsOf = (id: string): readonly Row[] => tables.find((tb) => tb.id === id)?.rows ?? [];
  return [
    ...intakeSentences(input, t, rowsOf),
    ...effectSentences(input, t, rowsOf),
    ...savingsSentences(input, t, rowsOf),
    ...repaymentSentences(input, t, rowsOf),
    ...caveatSentences(input, t),
  ];
}

type RowsOf = (id: string) => readonly Row[];

/** "= 0,201" or "< 0,001", so a sentence reads "p = 0,201" and "p < 0,001". */
function pWords(input: ReportInput, p: number | null): string {
  const text = formatP(input.lang, p);
  return text.startsWith("<") ? text : `= ${text}`;
}

/** The plan's level: 1 − confidence, without the float's tail (0.05, not 0.050000000000000044). */
function alphaOf(input: ReportInput): number {
  return Number((1 - input.spec.estimation.confidence).toFixed(10));
}

function countText(input: ReportInput, cell: Cell | undefined): string {
  return typeof cell === "number" ? formatNumber(input.lang, cell, 0) : String(cell ?? "–");
}

function joined(parts: readonly string[], t: Texts): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")}${t("memoAnd")}${parts.at(-1)}`;
}

function intakeSentences(input: ReportInput, t: Texts, rowsOf: RowsOf): string[] {
  const summary = rowsOf("summary");
  const value = (id: string) => summary.find((r) => r.figure_id === id)?.value;
  const armOf = armLabeller(input, t);
  const arms = input.run.assignment?.consort.arms ?? [];
  const asOf = value("as_of");
  const out = [
    t("memoIntake", {
      date: typeof asOf === "string" ? formatDate(input.lang, asOf) : formatDate(input.lang, input.run.ingest.asOf),
      intake: countText(input, value("intake")),
      assigned: t(isMatched(input) ? "memoMatchedWord" : "memoRandomisedWord"),
      arms: joined(arms.map((a) => t("memoArm", { n: countText(input, value(`randomised:${a.arm}`)), arm: armOf(a.arm) })), t),
    }),
  ];
  const analysed = rowsOf("consort").filter((r) => r.stage_id === "analysed" && r.arm_id !== null);
  if (analysed.length > 0) out.push(t("memoFollowed", { followed: joined(analysed.map((r) => t("memoFollowedArm", { n: countText(input, r.n), arm: armOf(String(r.arm_id)) })), t) }));
  return out;
}

function effectSentences(input: ReportInput, t: Texts, rowsOf: RowsOf): string[] {
  const { lang, run } = input;
  const primary = primaryOutcomeOf(input);
  const memo = rowsOf("effects_primary");
  const row = memo.find((r) => r.outcome_id === primary);
  if (!run.effects || !row) return [t("memoNoEffects")];
  const outcome = outcomeLabeller(input)(primary);
  if (hidden(row.difference) || hidden(row.means)) return [t("memoPrimarySuppressed", { outcome, n: input.minCell }), ...secondarySentences(input, t, rowsOf, row)];
  const alpha = alphaOf(input);
  const percent = Math.round(1000 * alpha) / 10;
  const level = formatNumber(lang, percent, Number.isInteger(percent) ? 0 : 1);
  const estimate = run.effects.estimates.find((e) => e.outcome === primary && e.contrast === row.contrast_id && e.estimator === row.estimator_id);
  const out = [
    t("memoPrimary", {
      outcome,
      means: String(row.means),
      basis: UNADJUSTED.has(String(row.estimator_id)) ? "" : t("memoRawBasis"),
      difference: String(row.difference),
      ci: String(row.ci ?? "–"),
      p: pWords(input, typeof row.p === "number" ? row.p : null),
    }),
  ];
  // With a monitoring plan the look's boundary decides, not p < α (src/report/monitoringText.ts).
  const look = rowsOf("summary").find((r) => r.figure_id === `monitoring:${primary}`)?.value;
  if (run.monitoring) {
    if (typeof look === "string") out.push(look);
    out.push(t(run.monitoring.verdict === "crossed" || run.monitoring.verdict === "crossed_earlier" ? "memoSequentialYes" : "memoSequentialNo"));
  } else if (estimate?.p_value !== null && estimate?.p_value !== undefined) {
    out.push(t(estimate.p_value < alpha ? "memoSignificant" : "memoNotSignificant", { level }));
  }
  return [...out, ...secondarySentences(input, t, rowsOf, row)];
}

/** Each other outcome whose Holm-adjusted p (the effects table's, same contrast and estimator) is below α. */
function secondarySentences(input: ReportInput, t: Texts, rowsOf: RowsOf, primaryRow: Row): string[] {
  const alpha = alphaOf(input);
  const labelOf = outcomeLabeller(input);
  const memo = rowsOf("effects_primary");
  const others = memo.filter((r) => r.outcome_id !== primaryRow.outcome_id && r.contrast_id === primaryRow.contrast_id && !hidden(r.difference));
  const significant = others.flatMap((r) => {
    const holm = rowsOf("effects").find((e) => e.outcome_id === r.outcome_id && e.contrast_id === r.contrast_id && e.estimator_id === r.estimator_id)?.p_holm;
    return typeof holm === "number" && holm < alpha ? [t("memoSecondaryItem", { outcome: labelOf(String(r.outcome_id)), difference: String(r.difference), p: pWords(input, holm) })] : [];
  });
  if (others.length === 0) return [];
  return [significant.length === 0 ? t("memoNoSecondary") : t("memoSecondary", { list: joined(significant, t), alpha: formatNumber(input.lang, alpha, 2) })];
}

function savingsSentences(input: ReportInput, t: Texts, rowsOf: RowsOf): string[] {
  const { lang } = input;
  const trialCase = input.run.projection?.cases.find((c) => c.notProjected === null && c.published.length === 0);
  if (!trialCase) return [];
  const name = labelIn(lang, trialCase.title);
  const rows = rowsOf(caseTableId("case_sectors", trialCase.name));
  const kr = (cell: Cell | undefined) => memoKr(lang, Number(cell), t);
  const sectors = [...SECTOR_KEYS, "society" as const].map((k) => {
    const r = rows.find((x) => x.row_id === `net:${k}`);
    if (!r || hidden(r.total)) return null;
    const sector = k === "society" ? t("sectorSocietyWord") : sectorWord(k, t).toLocaleLowerCase();
    return typeof r.ci_low === "number" && typeof r.ci_high === "number" ? t("memoSectorNet", { sector, net: kr(r.total), low: kr(r.ci_low), high: kr(r.ci_high) }) : t("memoSectorNetNoBand", { sector, net: kr(r.total) });
  });
  if (sectors.some((s) => s === null)) return [t("memoSavingsHidden", { case: name })];
  const years = horizonOf(trialCase.scenarios[0]!);
  return [t("memoSavings", { years: formatNumber(lang, years, Number.isInteger(years) ? 0 : 1), case: name, sectors: (sectors as string[]).join("; ") }).replace(/kr\.\./g, "kr.")];
}

function repaymentSentences(input: ReportInput, t: Texts, rowsOf: RowsOf): string[] {
  const summary = rowsOf("summary");
  const value = (id: string) => summary.find((r) => r.figure_id === id)?.value;
  return (input.run.repayment?.contracts ?? []).map((c) => {
    const statuses = PERIOD_STATUSES.flatMap((s) => {
      const n = c.periods.filter((p) => p.status === s).length;
      return n > 0 ? [t("memoStatusCount", { n, status: t(s) })] : [];
    });
    return t("memoRepayment", { contract: contractName(c, input.lang), repaid: String(value(`repaid:${c.name}`) ?? "–"), due: String(value(`due:${c.name}`) ?? "–"), statuses: statuses.join(", ") });
  });
}

function caveatSentences(input: ReportInput, t: Texts): string[] {
  const failed = (input.run.assignment?.checks ?? []).filter((c) => c.passed === false).map((c) => checkName(input.lang, c.id));
  return [...(failed.length > 0 ? [t("memoFailedChecks", { checks: failed.join("; ") })] : []), ...(isMatched(input) ? [t("memoMatchedCaveat")] : [])];
}
