/**
 * The look at the primary outcome in words (issue #30), one text for the summary, the status page
 * and --compare: "At this look (look 3, information 45 %), the effect would have to have p < 0.0031
 * to count; it has p = 0.030: not yet conclusive. The unadjusted p is shown for information only."
 */
import type { MonitoringArtefact } from "../monitor/schema.ts";
import { formatNumber, formatP, type Lang } from "./i18n.ts";
import type { Texts } from "./sections/section.ts";

/** The p a look needs, to two significant digits however small (0.0031, 0.000015). */
export function formatNominalP(lang: Lang, p: number): string {
  if (p === 0) return "0";
  const digits = Math.max(0, 1 - Math.floor(Math.log10(p)));
  return formatNumber(lang, Number(p.toPrecision(2)), digits);
}

const percent = (lang: Lang, x: number) => `${formatNumber(lang, 100 * x, 0)} %`;

/** The sentence for this run's look; null without a monitoring plan. */
export function lookSentence(monitoring: MonitoringArtefact | null | undefined, lang: Lang, t: Texts): string | null {
  if (!monitoring) return null;
  const previous = monitoring.looks.filter((l) => l.asOf < monitoring.asOf).at(-1);
  const look = monitoring.look;
  if (monitoring.verdict === "crossed_earlier") {
    const crossed = monitoring.looks.find((l) => l.crossed)!;
    return t("lookCrossedEarlier", { look: crossed.look, date: crossed.asOf });
  }
  if (monitoring.verdict === "no_information") return t("lookNoInformation");
  if (monitoring.verdict === "no_new_information" || look === null) return previous ? t("lookNoNewInformation", { look: previous.look, date: previous.asOf }) : t("lookNoInformation");
  const rci = look.rciLow === null || look.rciHigh === null ? "–" : `${formatNumber(lang, look.rciLow, 3)} – ${formatNumber(lang, look.rciHigh, 3)}`;
  const verdict =
    monitoring.verdict === "crossed"
      ? t("lookCrossed", { adjusted: formatP(lang, look.adjustedP), rci })
      : monitoring.verdict === "final_not_crossed"
        ? t("lookFinalNotCrossed", { adjusted: formatP(lang, look.adjustedP) })
        : look.futilityCrossed && look.futilityBound != null
          ? t("lookFutility", { bound: formatNumber(lang, look.futilityBound, 2) })
          : t("lookNotYet");
  return t("monitoringLook", { look: look.look, fraction: percent(lang, look.fraction), nominal: formatNominalP(lang, look.nominalP), p: formatP(lang, look.p), verdict });
}

/** The plan and the α spent so far, in one line. */
export function lookPlanSentence(monitoring: MonitoringArtefact, lang: Lang, t: Texts): string {
  const spent = monitoring.look?.alphaSpent ?? monitoring.looks.at(-1)?.alphaSpent ?? 0;
  return t(monitoring.sides === 1 ? "lookPlanOneSided" : "lookPlan", { spending: monitoring.spending, alpha: formatNumber(lang, monitoring.alpha, Math.max(2, String(monitoring.alpha).split(".")[1]?.length ?? 0)), maximum: monitoring.maximumInformation, spent: formatNominalP(lang, spent) });
}
