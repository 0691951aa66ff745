/** Paid hours per person and month (eIndkomst): one value a month. */
import { monthly } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const paidHoursMonthly: ExtractDefinition = {
  ...monthly,
  // The key holds person and month: the value is what may differ.
  signature: (row) => row.hours as number | null,
  repeatKey: (row) => row.month as number,
  family: "paid_hours_monthly",
  records: "paidHours",
};
