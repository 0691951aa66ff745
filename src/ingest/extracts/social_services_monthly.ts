/** Social-services costs per person and month (Serviceloven); several measures (§) in one month are separate costs. */
import { monthly } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const socialServicesMonthly: ExtractDefinition = {
  ...monthly,
  // The key holds person and month (and measure): the value is what may differ.
  signature: (row) => row.costKr as number | null,
  repeatKey: (row) => (row.measure === null || row.measure === undefined ? (row.month as number) : `${row.month}\u0000${row.measure}`),
  family: "social_services_monthly",
  records: "socialServices",
};
