/**
 * Secondary suppression over linked tables (Danmarks Statistik's rule that no result on fewer
 * than the threshold may be *worked out* from published figures): derive every fact a reader
 * can from the published ones through the equations, one unknown at a time, and wherever a
 * small count (1 to threshold − 1) comes out, suppress the smallest non-zero, not-forced
 * published figure it was derived from; repeat until nothing small can be derived.
 */
import type { Equation, Fact } from "./model.ts";

export function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/** The facts a reader can work out, and for each derived one the facts it came from. */
function derive(facts: ReadonlyMap<string, Fact>, equations: readonly Equation[]): Map<string, string[]> {
  const known = new Map<string, string[]>();
  for (const f of facts.values()) if (f.published) known.set(f.key, []);
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      const members = [eq.total, ...eq.parts.map((p) => p.key)];
      const unknown = members.filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      known.set(unknown[0]!, members.filter((k) => k !== unknown[0]));
      changed = true;
    }
  }
  return known;
}

/** Every fact a derived one rests on, back to the published ones. */
function publishedSources(key: string, known: ReadonlyMap<string, string[]>, facts: ReadonlyMap<string, Fact>, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const fact = facts.get(key)!;
  if (fact.published) return [key];
  return (known.get(key) ?? []).flatMap((k) => publishedSources(k, known, facts, seen));
}

/** Marks facts suppressed (in place) until no small count can be derived; returns what could not be protected. */
export function protect(facts: Map<string, Fact>, equations: readonly Equation[], threshold: number): string[] {
  const setGroup = (fact: Fact, reason: "primary" | "secondary") => {
    for (const f of facts.values()) {
      if (f === fact || (fact.group !== null && f.group === fact.group)) {
        if (f.published) {
          f.published = false;
          f.reason = f.reason ?? reason;
        }
      }
    }
  };
  for (const f of facts.values()) if (f.persons && isSmallCount(f.value, threshold)) setGroup(f, "primary");
  const unprotectable: string[] = [];
  for (let round = 0; round < 10_000; round++) {
    const known = derive(facts, equations);
    const leak = [...known.keys()].find((k) => {
      const f = facts.get(k)!;
      return !f.published && f.persons && isSmallCount(f.value, threshold) && !unprotectable.includes(k);
    });
    if (leak === undefined) return unprotectable;
    const candidates = [...new Set((known.get(leak) ?? []).flatMap((k) => publishedSources(k, known, facts)))]
      .map((k) => facts.get(k)!)
      .filter((f) => !f.forced && f.value !== 0)
      .sort((a, b) => a.value - b.value || (a.key < b.key ? -1 : 1));
    if (candidates.length === 0) {
      unprotectable.push(leak);
      continue;
    }
    setGroup(candidates[0]!, "secondary");
  }
  throw new Error("protect did not converge");
}
