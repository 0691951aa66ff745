/** Appendix: every estimator per outcome and contrast, ratios with their CI on the ratio's own scale. */
import { escapeHtml } from "../table.ts";
import { allEstimates } from "./effects.ts";
import { tableCollector, type SectionBuilder } from "./section.ts";

export const appendixSection: SectionBuilder = (input, t) => {
  const all = allEstimates(input, t);
  if (!all) return null;
  const { add, tables } = tableCollector(input);
  return { html: `<p class="note">${escapeHtml(t("appendixNote"))}</p>` + add(all.table), tables };
};
