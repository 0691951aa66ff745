/**
 * The frame of a year trigger's event: 1 when the event falls in the part of the year the
 * person is followed in; else 0 when followed through the year's end, censored while the
 * year is under way (a 0 so far is not yet a 0); incomplete on a flagged row it reads.
 */
import type { DayNumber } from "../../shared/dates.ts";
import type { Person } from "../schema.ts";
import { dataStatus, type ExtractFamily } from "./evidence.ts";
import { followedPart } from "./triggerWindows.ts";
import type { YearPeriod } from "./triggerTypes.ts";
import type { DeriveContext, OutcomeValue } from "./types.ts";
import { censored, notApplicable, observed } from "./windows.ts";

export function yearEventTrigger(
  family: ExtractFamily,
  { asOf, evidence }: DeriveContext,
  /** Whether the event falls in the followed part of the year. `readFrom` "start" widens the read to every row since start. */
  event: (person: Person, part: { from: DayNumber; to: DayNumber }) => boolean,
  readFrom: "year" | "start" = "year",
): (person: Person, period: YearPeriod) => OutcomeValue {
  return (person, period) => {
    const part = followedPart(person, period, asOf);
    if (!part) return notApplicable;
    const status = dataStatus(evidence, person.personId, [{ family, from: readFrom === "start" ? person.startDate : part.from, to: part.to }]);
    if (status) return status;
    if (event(person, part)) return observed(1);
    return part.whole ? observed(0) : censored(person, asOf);
  };
}
