/** Public benefits paid per person and month in kroner; several benefits in one month are separate payments. */
import { monthly } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const benefitPaymentsMonthly: ExtractDefinition = {
  ...monthly,
  // The key holds person and month (and benefit): the value is what may differ.
  signature: (row) => row.amountKr as number | null,
  repeatKey: (row) => (row.benefit === null || row.benefit === undefined ? (row.month as number) : `${row.month}\u0000${row.benefit}`),
  family: "benefit_payments_monthly",
  records: "benefitPayments",
};
