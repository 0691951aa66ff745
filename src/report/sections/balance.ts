/** Baseline balance: per covariate means, SDs and SMDs per arm, the omnibus test, balance before matching, and a love plot. */
import { lovePlot, renderSvg } from "../charts.ts";
import { figureHtml } from "../figure.ts";
import { formatNumber } from "../i18n.ts";
import { levelsShown } from "../levelsShown.ts";
import { count, shareOf, type Cell } from "../suppression.ts";
import { escapeHtml, type Table } from "../table.ts";
import { contrastLabeller, covariateLabeller, tableCollector, type SectionBuilder } from "./section.ts";

export const balanceSection: SectionBuilder = async (input, t) => {
  const { lang, minCell, run } = input;
  if (!run.assignment) return null;
  const { add, tables } = tableCollector(input);
  const rows: Record<string, Cell>[] = [];
  const love: { label: string; smd: number }[] = [];
  const contrastOf = contrastLabeller(input, t);
  const covariateOf = covariateLabeller(input);
  // A value fewer than minCell persons hold is not printed by name (a person's name in a category column).
  const levelOf = levelsShown(run, minCell, (k) => t("levelNotShown", { minCell: String(minCell), k }));
  const levelPart = (covariate: string, level: string | null) => (level === null ? "" : ` = ${levelOf(covariate, level)}`);
  for (const r of run.assignment.balance.rows) {
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
  const omnibus: Table = {
    id: "balance_omnibus",
    columns: [{ key: "comparison", label: t("arm"), kind: "text" }, { key: "strata", label: t("strata"), kind: "text" }, { key: "chi_square", label: "χ²", kind: "number", digits: 3 }, { key: "df", label: t("degreesOfFreedom"), kind: "count" }, { key: "p", label: t("pValue"), kind: "p" }],
    rows: run.assignment.balance.omnibus.filter((o) => o.df > 0).map((o) => ({ comparison: contrastOf(o.comparison), strata: o.strata === "none" ? t("none") : o.strata === "blocks" ? t("blocksWord") : o.strata, chi_square: o.chiSquare, df: o.df, p: o.p })),
  };
  const before = run.assignment.matching?.balanceBefore;
  const beforeTable: Table | null = before
    ? {
        id: "balance_before_matching",
        columns: [{ key: "covariate", label: t("covariate"), kind: "text" }, { key: "smd", label: `${t("smd")} (${t("beforeMatching")})`, kind: "number", digits: 3 }, { key: "p", label: t("pValue"), kind: "p" }],
        rows: before.rows.map((r) => {
          const [a, c] = r.arms as [(typeof r.arms)[number], (typeof r.arms)[number]];
          const hide = r.type !== "continuous" && (shareOf(a.mean, a.n, minCell) || shareOf(c.mean, c.n, minCell));
          return { covariate: `${covariateOf(r.covariate)}${levelPart(r.covariate, r.level)}`, smd: hide ? `<${minCell}` : r.smd, p: r.p };
        }),
      }
    : null;
  const m = run.assignment.matching;
  let matchingNote = "";
  if (m) {
    // The counts as the CONSORT table shows them after the disclosure engine (its pool, matched and not-matched rows).
    const programmeArm = run.assignment.design.arms.find((a) => !a.control)?.name ?? null;
    const controlArm = run.assignment.design.arms.find((a) => a.control)?.name ?? null;
    const consortCell = (stage: string, arm: string | null) => input.later.cellWhere("consort", { stage_id: stage, arm_id: arm }, "n");
    const variables = m.variables.map((v) => (lang === "da" ? v.replace("(bands at", "(grænser ved") : v).replace(/^([a-z_0-9]+)/, (id) => covariateOf(id))).join(", ");
    const text = t("matchingMethod", { variables, ratio: m.ratio, seed: m.seed }) + t("matchingCounts", { programme: consortCell("pool", programmeArm), matched: consortCell("randomised", programmeArm), unmatched: consortCell("unmatched", programmeArm), pool: consortCell("pool", controlArm), drawn: consortCell("randomised", controlArm) });
    matchingNote = `<p class="note">${escapeHtml(text)}</p>`;
  }
  const html = matchingNote + (beforeTable ? add(beforeTable) : "") + add(balance) + add(omnibus) + (love.length > 0 ? figureHtml(await renderSvg(lovePlot(love, run.assignment.balance.threshold, `${t("smd")} (${t("lovePlot")})`), lang), { caption: `${t("figureWord")}: ${t("loveCaption", { threshold: formatNumber(lang, run.assignment.balance.threshold, 2) })}`, description: t("loveDescription") }, "love-plot") : "");
  return { html, tables };
};
