/** Social-services kroner: the sum of monthly costs over the window. */
import type { SocialServicesCost } from "../schema.ts";
import { monthlySum } from "./monthlySum.ts";
import type { OutcomeDefinition } from "./types.ts";

export const socialServicesKr: OutcomeDefinition<"social_services_kr"> = {
  extractKinds: ["social_services_monthly"],
  type: () => "continuous",
  describeWindow: (o) => `months ${o.fromMonth}–${o.windowMonths} from start`,
  derive: (outcome, context) => {
    const rows = context.records.socialServices;
    return rows ? monthlySum(rows, (row: SocialServicesCost) => row.costKr, "social_services_monthly", outcome, context) : null;
  },
};
