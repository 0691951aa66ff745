/** Weekly benefit status, long layout (`person, week, code`): one code per person and week, kept in the benefit panel. */
import type { ExtractDefinition } from "./types.ts";

const numberOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);

export const benefitWeeksLong: ExtractDefinition = {
  repeat: "period",
  keyField: "week",
  signature: (row) => row.code as string,
  repeatKey: (row) => row.week as number,
  // A week runs Monday to Sunday.
  coverage: (row) => ({ from: row.week as number, to: (row.week as number) + 6 }),
  flagSpan: (row) => {
    const week = numberOrNull(row.week);
    return week === null ? { from: null, to: null } : { from: week, to: week + 1 };
  },
  family: "benefit_weeks",
  records: null,
};
