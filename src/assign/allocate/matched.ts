/**
 * Allocation mode "matched": coarsened exact matching. In each stratum of the matching
 * variables, every matched programme person gets exactly `ratio` comparison persons,
 * drawn at random (seeded) without replacement from the rest of the population. Not
 * randomised: the differences it gives are associations, not causal effects.
 */
import { seededRandom, shuffle } from "../../shared/random.ts";
import { blockOf } from "../blockAndBatch.ts";
import { NOTHING_ELSE, byPersonId, type Allocation, type AllocationInput, type Assigned, type DesignOf, type IssueRow } from "./allocation.ts";

type Design = DesignOf<"matched">;

export function matched(design: Design, input: AllocationInput): Allocation {
  const strata = strataOf(design, input);
  const random = seededRandom(design.seed);
  const treatmentArm = input.arms.find((a) => !a.control)!.name;
  const controlArm = input.arms.find((a) => a.control)!.name;
  const assigned = new Map<string, Assigned>();
  const unmatched: string[] = [];
  const issues: IssueRow[] = [];
  let programmeCount = 0;
  for (const key of [...strata.keys()].sort()) {
    const { programme, pool } = strata.get(key)!;
    programmeCount += programme.length;
    if (programme.length === 0) continue;
    // Every matched programme person gets exactly `ratio` comparison persons, so each stratum has the same
    // programme : comparison ratio and unweighted differences compare like with like. When the pool is short,
    // the programme persons left without a full set (drawn at random) are unmatched, never reused.
    const matchable = Math.min(programme.length, Math.floor(pool.length / design.ratio));
    const shuffled = shuffle(random, programme);
    for (const id of shuffled.slice(0, matchable)) assigned.set(id, { arm: treatmentArm, batch: "matched", block: key, time: null });
    for (const id of shuffled.slice(matchable)) {
      unmatched.push(id);
      issues.push([id, "unmatched", `stratum ${key}: ${pool.length} comparison person(s) for ${programme.length} programme person(s) at ${design.ratio} each`]);
    }
    for (const id of shuffle(random, pool).slice(0, design.ratio * matchable)) assigned.set(id, { arm: controlArm, batch: "matched", block: key, time: null });
  }
  const variables = design.matchOn.map((b) => (b.breaks ? `${b.covariate} (bands at ${b.breaks.join(", ")})` : b.covariate));
  const matching = {
    description: `coarsened exact matching on ${variables.join(", ")}; exactly ${design.ratio} comparison person(s) per matched programme person in each stratum, drawn at random without replacement (seed ${design.seed}); programme persons for whom the stratum has too few are unmatched and left out. Not randomised: differences are associations, not causal effects.`,
    variables,
    match_on: design.matchOn.map((b) => ({ covariate: b.covariate, breaks: b.breaks ?? null })),
    ratio: design.ratio,
    seed: design.seed,
    programme: programmeCount,
    matched: programmeCount - unmatched.length,
    unmatched: unmatched.length,
    pool: input.persons.length - programmeCount,
    drawn: [...assigned.values()].filter((a) => a.arm === controlArm).length,
  };
  return { ...NOTHING_ELSE, assigned, issues, matching };
}

/** Stratum label → its programme persons and its comparison pool, each in person-id order. */
function strataOf(design: Design, input: AllocationInput): Map<string, { programme: string[]; pool: string[] }> {
  const strata = new Map<string, { programme: string[]; pool: string[] }>();
  for (const p of [...input.persons].sort((a, b) => byPersonId(a.personId, b.personId))) {
    const key = blockOf(design.matchOn, (id) => p[id] ?? "");
    const stratum = strata.get(key) ?? { programme: [], pool: [] };
    (p.receivedProgramme === "1" ? stratum.programme : stratum.pool).push(p.personId);
    strata.set(key, stratum);
  }
  return strata;
}
