/** Baseline balance: per covariate means, SDs and SMDs per arm, the omnibus test, balance before matching, and a love plot. */
import { lovePlot, renderSvg } from "../charts.ts";
import { figureHtml } from "../figure.ts";
import { formatNumber } from "../i18n.ts";
import { levelsShown } from "../levelsShown.ts";
import { count, shareOf, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { contrastLabeller, covariateLabeller, tableCollector, type SectionBuilder } from "./section.ts";

export const balanceSection: SectionBuilder = async (input, t) => {
  const { lang, run } = input;
  if (!run.assignment) return null;
  const { add, tables } = tableCollector(input);
  // 1. Per covariate (and level) per arm: n, mean, SD, SMD, p — a share fewer than minCell persons hold is not shown.
  const { rows, love } = balanceRowsOf(input, t);
  const balance: Table = {
    id: "balance",
    columns: [
      { key: "comparison", label: t("arm"), kind: "text", id: "comparison_id" },
      { key: "covariate", label: t("covariate"), kind: "text", id: "covariate_id" },
      { key: "n_arm", label: "n", kind: "count" },
      { key: "mean_arm", label: t("mean"), kind: "number", digits: 3 },
      { key: "sd_arm", label: t("sd"), kind: "number", digits: 3 },
      { key: "n_control", label: "n", kind: "count" },
      { key: "mean_control", label: t("mean"), kind: "number", digits: 3 },
      { key: "sd_control", label: t("sd"), kind: "number", digits: 3 },
      { key: "smd", label: t("smd"), kind: "number", digits: 3 },
      { key: "p", label: t("pValue"), kind: "p" },
      { key: "flag", label: t("flag"), kind: "text" },
    ],
    rows,
  };
  // 2. The omnibus test.
  const contrastOf = contrastLabeller(input, t);
  const omnibus: Table = {
    id: "balance_omnibus",
    columns: [{ key: "comparison", label: t("arm"), kind: "text" }, { key: "strata", label: t("strata"), kind: "text" }, { key: "chi_square", label: "χ²", kind: "number", digits: 3 }, { key: "df", label: t("degreesOfFreedom"), kind: "count" }, { key: "p", label: t("pValue"), kind: "p" }],
    rows: run.assignment.balance.omnibus.filter((o) => o.df > 0).map((o) => ({ comparison: contrastOf(o.comparison), strata: o.strata === "none" ? t("none") : o.strata === "blocks" ? t("blocksWord") : o.strata, chi_square: o.chiSquare, df: o.df, p: o.p })),
  };
  // 3. A matched comparison: how it matched, and the balance before matching.
  const beforeTable = beforeMatchingTable(input, t);
  const matchingNote = matchingNoteOf(input, t);
  // 4. The love plot.
  const threshold = run.assignment.balance.threshold;
  const plot = love.length > 0 ? figureHtml(await renderSvg(lovePlot(love, threshold, `${t("smd")} (${t("lovePlot")})`, t("covariate")), lang), { caption: `${t("figureWord")}: ${t("loveCaption", { threshold: formatNumber(lang, threshold, 2) })}`, description: t("loveDescription") }, "love-plot") : "";
  const html = matchingNote + (beforeTable ? add(beforeTable) : "") + add(balance) + add(omnibus) + plot;
  return { html, tables };
};

type Input = Parameters<SectionBuilder>[0];
type Words = Parameters<SectionBuilder>[1];

/** A covariate's label with its level (a value fewer than minCell persons hold is not printed by name: it may be a person's name). */
function levelLabeller(input: Input, t: Words): (covariate: string, level: string | null) => string {
  const levelOf = levelsShown(input.run, input.minCell, (k) => t("levelNotShown", { minCell: String(input.minCell), k }));
  return (covariate, level) => (level === null ? "" : ` = ${levelOf(covariate, level)}`);
}

/** The balance table's rows and the love plot's points (hidden shares left out). */
function balanceRowsOf(input: Input, t: Words): { rows: Record<string, Cell>[]; love: { label: string; smd: number }[] } {
  const { minCell } = input;
  const contrastOf = contrastLabeller(input, t);
  const covariateOf = covariateLabeller(input);
  const levelPart = levelLabeller(input, t);
  const rows: Record<string, Cell>[] = [];
  const love: { label: string; smd: number }[] = [];
  for (const r of input.run.assignment!.balance.rows) {
    const [a, c] = r.arms as [(typeof r.arms)[number], (typeof r.arms)[number]];
    const categorical = r.type !== "continuous";
    const hide = categorical && (shareOf(a.mean, a.n, minCell) || shareOf(c.mean, c.n, minCell));
    const label = `${covariateOf(r.covariate)}${levelPart(r.covariate, r.level)}`;
    rows.push({
      comparison: contrastOf(r.comparison),
      comparison_id: r.comparison,
      covariate: label,
      covariate_id: `${r.covariate}${levelPart(r.covariate, r.level)}`,
      n_arm: count(a.n, minCell),
      mean_arm: hide ? `<${minCell}` : a.mean,
      sd_arm: hide ? null : a.sd,
      n_control: count(c.n, minCell),
      mean_control: hide ? `<${minCell}` : c.mean,
      sd_control: hide ? null : c.sd,
      smd: hide ? null : r.smd,
      p: r.p,
      flag: hide ? null : r.flagged ? t("yes") : "",
    });
    if (!hide && r.smd !== null) love.push({ label, smd: r.smd });
  }
  return { rows, love };
}

/** A matched comparison: the programme group against the whole pool before matching (SMD, p). */
function beforeMatchingTable(input: Input, t: Words): Table | null {
  const before = input.run.assignment!.matching?.balanceBefore;
  if (!before) return null;
  const { minCell } = input;
  const covariateOf = covariateLabeller(input);
  const levelPart = levelLabeller(input, t);
  return {
    id: "balance_before_matching",
    columns: [{ key: "covariate", label: t("covariate"), kind: "text" }, { key: "smd", label: `${t("smd")} (${t("beforeMatching")})`, kind: "number", digits: 3 }, { key: "p", label: t("pValue"), kind: "p" }],
    rows: before.rows.map((r) => {
      const [a, c] = r.arms as [(typeof r.arms)[number], (typeof r.arms)[number]];
      const hide = r.type !== "continuous" && (shareOf(a.mean, a.n, minCell) || shareOf(c.mean, c.n, minCell));
      return { covariate: `${covariateOf(r.covariate)}${levelPart(r.covariate, r.level)}`, smd: hide ? `<${minCell}` : r.smd, p: r.p };
    }),
  };
}

/** How a matched comparison matched, with the counts as the CONSORT table shows them after the disclosure engine. */
function matchingNoteOf(input: Input, t: Words): string {
  const assignment = input.run.assignment!;
  const m = assignment.matching;
  if (!m) return "";
  const covariateOf = covariateLabeller(input);
  const programmeArm = assignment.design.arms.find((a) => !a.control)?.name ?? null;
  const controlArm = assignment.design.arms.find((a) => a.control)?.name ?? null;
  const consortCell = (stage: string, arm: string | null) => input.later.cellWhere("consort", { stage_id: stage, arm_id: arm }, "n");
  const variables = m.match_on
    .map((b) => (b.breaks ? t("matchingBands", { covariate: covariateOf(b.covariate), breaks: b.breaks.map((x) => formatNumber(input.lang, x, Number.isInteger(x) ? 0 : (String(x).split(".")[1] ?? "").length)).join(", ") }) : covariateOf(b.covariate)))
    .join(", ");
  const text = t("matchingMethod", { variables, ratio: m.ratio, seed: m.seed }) + t("matchingCounts", { programme: consortCell("pool", programmeArm), matched: consortCell("randomised", programmeArm), unmatched: consortCell("unmatched", programmeArm), pool: consortCell("pool", controlArm), drawn: consortCell("randomised", controlArm) });
  return `<p class="note">${escapeHtml(text)}</p>`;
}
