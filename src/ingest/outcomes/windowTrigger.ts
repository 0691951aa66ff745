/** The frame of a window trigger: censored until the window is followed to its end, incomplete on a flagged row it reads, else the kind's 0/1. */
import type { Person } from "../schema.ts";
import { dataStatus, type ExtractFamily } from "./evidence.ts";
import { triggerWindow } from "./triggerWindows.ts";
import type { DeriveContext, OutcomeValue } from "./types.ts";
import { censored, lastFollowedDay, observed } from "./windows.ts";

export function windowTrigger(
  windowMonths: number,
  families: readonly ExtractFamily[],
  { asOf, evidence }: DeriveContext,
  achieved: (person: Person, window: { start: number; end: number }) => boolean,
): (person: Person) => OutcomeValue {
  return (person) => {
    const window = triggerWindow(person, windowMonths);
    if (window.end > lastFollowedDay(person, asOf) + 1) return censored(person, asOf);
    const status = dataStatus(evidence, person.personId, families.map((family) => ({ family, from: window.start, to: window.end })));
    if (status) return status;
    return observed(Number(achieved(person, window)));
  };
}
