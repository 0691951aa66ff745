/** The report's first words: the analysis plan unchanged since its lock, not locked, or each deviation. */
import type { PlanStatus } from "../spec/analysisPlan.ts";
import type { texts } from "./i18n.ts";
import { escapeHtml } from "./table.ts";

export function planStatusHtml(plan: PlanStatus, t: ReturnType<typeof texts>): string {
  if (!plan.locked) return `<p class="plan">${escapeHtml(t("planNotLocked"))}</p>`;
  const after = plan.afterOutcomes ? t("planAfterOutcomes") : "";
  if (plan.deviations.length === 0) return `<p class="plan">${escapeHtml(t("planUnchanged", { date: plan.lockedAt ?? "", after }))}</p>`;
  const items = plan.deviations.map((d) => `<li>${escapeHtml(t("planDeviation", { path: d.path, locked: d.locked, now: d.now }))}</li>`).join("");
  return `<p class="plan deviations">${escapeHtml(t("planChanged", { date: plan.lockedAt ?? "", after }))}</p><ul class="plan deviations">${items}</ul>`;
}
