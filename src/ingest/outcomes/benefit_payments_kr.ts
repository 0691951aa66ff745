/**
 * Benefit kroner: the sum of monthly benefit payments over the window (a month belongs to it when
 * its first day does), only the listed benefit codes when the outcome names any. UngiFokus repays
 * "if the treatment group used less in transfer payments than the control group": in kroner with
 * this outcome; days on public support × a flat daily price stays as the fallback.
 */
import type { BenefitPayment } from "../schema.ts";
import { monthlySum } from "./monthlySum.ts";
import type { OutcomeDefinition } from "./types.ts";

export const benefitPaymentsKr: OutcomeDefinition<"benefit_payments_kr"> = {
  extractKinds: ["benefit_payments_monthly"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start${o.benefits.length > 0 ? ` (${o.benefits.join(", ")})` : ""}`,
  derive: (outcome, context) => {
    const rows = context.records.benefitPayments;
    if (!rows) return null;
    const counts = (row: BenefitPayment) => outcome.benefits.length === 0 || (row.benefit !== null && outcome.benefits.includes(row.benefit));
    return monthlySum(rows, (row: BenefitPayment) => (counts(row) ? row.amountKr : 0), "benefit_payments_monthly", outcome, context);
  },
};
