/** Appendix: every estimator per outcome and contrast, ratios with their CI on the ratio's own scale. */
import { escapeHtml } from "../table.ts";
import { reportAs } from "../../estimate/estimators.ts";
import { allEstimates } from "./effects.ts";
import { tableCollector, type SectionBuilder } from "./section.ts";

export const appendixSection: SectionBuilder = (input, t) => {
  const all = allEstimates(input, t);
  if (!all) return null;
  const { add, tables } = tableCollector(input);
  // The effect on those who received the programme (CACE) stands here beside the ITT rows, with its assumptions.
  const cace = all.table.rows.some((r) => reportAs(String(r.estimator_id))?.onReceived === true);
  return { html: `<p class="note">${escapeHtml(t("appendixNote"))}</p>` + add(all.table) + (cace ? `<p class="note">${escapeHtml(t("caceAssumptions"))}</p>` : ""), tables };
};
