/**
 * The subgroup part of the effects section: per outcome, contrast, subgroup and level the difference in means with
 * its 95 % CI and p, levels in words ("under 23", "23 og derover"), and the interaction test per subgroup — whether
 * the effect differs between the levels at all.
 *
 * Rows keep the order of effects.json's `subgroups`: the disclosure engine (collectFacts.ts) ties row i to
 * subgroup i and suppresses the events behind a binary level's estimate, its CI and p together.
 */
import { interactionMethodName } from "../i18n.ts";
import { levelsShown } from "../levelsShown.ts";
import { count, isSmall } from "../suppression.ts";
import type { Column, Table } from "../table.ts";
import { contrastLabeller, covariateLabeller, outcomeLabeller, type ReportInput, type Texts } from "./section.ts";

/** A level as blockPart wrote it — `[23;∞)`, `[-∞;23)`, `[23;30)`, `(missing)`, a value — in words. */
export function levelInWords(level: string, t: Texts, lang: ReportInput["lang"]): string {
  const number = (x: string) => (lang === "da" ? x.replace(".", ",") : x);
  const band = /^\[(-∞|-?[\d.]+);(∞|-?[\d.]+)\)$/.exec(level);
  if (band) {
    const [, low, high] = band as unknown as [string, string, string];
    if (low === "-∞" && high === "∞") return t("levelAll");
    if (low === "-∞") return t("levelBelow", { high: number(high) });
    if (high === "∞") return t("levelFrom", { low: number(low) });
    return t("levelBetween", { low: number(low), high: number(high) });
  }
  if (level === "(missing)") return t("levelMissing");
  return level;
}

/** The columns of an estimate beside its arms' counts: n per arm, the estimate, its interval and p (the effects and subgroup tables). */
export function estimateColumns(t: Texts): Column[] {
  return [
    { key: "n_treated", label: t("nTreatedColumn"), kind: "count" },
    { key: "n_control", label: t("nControlColumn"), kind: "count" },
    { key: "estimate", label: t("estimate"), kind: "number", digits: 3 },
    { key: "conf_low", label: t("ci"), kind: "number", digits: 3 },
    { key: "conf_high", label: "", kind: "number", digits: 3 },
    { key: "p", label: t("pValue"), kind: "p" },
  ];
}

export function subgroupTables(input: ReportInput, t: Texts): { subgroups: Table; interactions: Table } | null {
  const { lang, minCell, run } = input;
  if (!run.effects || run.effects.subgroups.length === 0) return null;
  const labelOf = outcomeLabeller(input);
  const contrastOf = contrastLabeller(input, t);
  const covariateOf = covariateLabeller(input);
  // A value fewer than minCell persons hold is not printed by name (a person's name in a category column).
  const levelOf = levelsShown(run, minCell, (k) => t("levelNotShown", { minCell: String(minCell), k }));
  const subgroups: Table = {
    id: "subgroups",
    columns: [
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" },
      { key: "contrast", label: t("arm"), kind: "text", id: "contrast_id" },
      { key: "subgroup", label: t("subgroup"), kind: "text", id: "subgroup_id" },
      { key: "level", label: t("level"), kind: "text", id: "level_id" },
      ...estimateColumns(t),
    ],
    rows: run.effects.subgroups.map((s) => {
      const hide = isSmall(s.n_treated, minCell) || isSmall(s.n_control, minCell);
      return {
        outcome: labelOf(s.outcome),
        outcome_id: s.outcome,
        contrast: contrastOf(s.contrast),
        contrast_id: s.contrast,
        subgroup: covariateOf(s.subgroup),
        subgroup_id: s.subgroup,
        level: levelInWords(levelOf(s.subgroup, s.level), t, lang),
        level_id: levelOf(s.subgroup, s.level),
        n_treated: count(s.n_treated, minCell),
        n_control: count(s.n_control, minCell),
        estimate: hide ? `<${minCell}` : s.estimate,
        conf_low: hide ? null : s.conf_low,
        conf_high: hide ? null : s.conf_high,
        p: hide ? null : s.p_value,
      };
    }),
  };
  const interactions: Table = {
    id: "subgroup_interactions",
    columns: [
      { key: "outcome", label: t("outcome"), kind: "text", id: "outcome_id" },
      { key: "contrast", label: t("arm"), kind: "text", id: "contrast_id" },
      { key: "subgroup", label: t("subgroup"), kind: "text", id: "subgroup_id" },
      { key: "method", label: t("interactionTest"), kind: "text" },
      { key: "statistic", label: t("statistic"), kind: "number", digits: 2 },
      { key: "df", label: t("degreesOfFreedom"), kind: "text" },
      { key: "p", label: t("pValue"), kind: "p" },
    ],
    rows: run.effects.interactions.map((i) => ({
      outcome: labelOf(i.outcome),
      outcome_id: i.outcome,
      contrast: contrastOf(i.contrast),
      contrast_id: i.contrast,
      subgroup: covariateOf(i.subgroup),
      subgroup_id: i.subgroup,
      method: interactionMethodName(lang, i.method),
      statistic: i.statistic,
      df: i.df2 === null ? String(i.df1) : `${i.df1}; ${Math.round(i.df2)}`,
      p: i.p_value,
    })),
  };
  return { subgroups, interactions };
}
