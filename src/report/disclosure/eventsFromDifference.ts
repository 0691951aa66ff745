/**
 * The event counts (eₜ, e꜀) behind a published difference of two shares eₜ/nₜ − e꜀/n꜀, as a
 * reader with the full-precision CSV can work them out: every pair of integers that gives
 * the difference to 1e-9. Used to judge a subgroup estimate, whose artefact holds no means.
 */
export function eventsFromDifference(difference: number, nTreated: number, nControl: number): { treated: number; control: number }[] {
  const found: { treated: number; control: number }[] = [];
  if (!(nTreated > 0 && nControl > 0) || !Number.isFinite(difference)) return found;
  for (let control = 0; control <= nControl; control++) {
    const treated = Math.round((difference + control / nControl) * nTreated);
    if (treated < 0 || treated > nTreated) continue;
    if (Math.abs(treated / nTreated - control / nControl - difference) < 1e-9) found.push({ treated, control });
  }
  return found;
}
