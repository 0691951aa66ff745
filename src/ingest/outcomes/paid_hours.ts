/** Paid hours: the sum of monthly hours over the window. */
import type { PaidHours } from "../schema.ts";
import { monthlySum } from "./monthlySum.ts";
import type { OutcomeDefinition } from "./types.ts";

export const paidHours: OutcomeDefinition<"paid_hours"> = {
  extractKinds: ["paid_hours_monthly"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, context) => {
    const rows = context.records.paidHours;
    return rows ? monthlySum(rows, (row: PaidHours) => row.hours, "paid_hours_monthly", outcome, context) : null;
  },
};
