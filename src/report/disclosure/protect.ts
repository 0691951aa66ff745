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

/**
 * A small count a reader can work out: a suppressed fact derived exactly, or the suppressed
 * parts of a known total taken together (their sum is itself a count of those persons).
 */
function findLeak(facts: ReadonlyMap<string, Fact>, equations: readonly Equation[], known: ReadonlyMap<string, string[]>, threshold: number, skip: readonly string[]): { what: string; from: string[] } | null {
  for (const k of known.keys()) {
    const f = facts.get(k)!;
    if (!f.published && f.persons && isSmallCount(f.value, threshold) && !skip.includes(k)) return { what: k, from: known.get(k) ?? [] };
  }
  for (const eq of equations) {
    if (!known.has(eq.total) || eq.parts.some((p) => p.weight !== 1)) continue;
    const hidden = eq.parts.filter((p) => !known.has(p.key));
    if (hidden.length < 2 || !hidden.every((p) => facts.get(p.key)!.persons)) continue;
    const what = `${eq.rule}: ${hidden.map((p) => p.key).join(" + ")}`;
    if (isSmallCount(hidden.reduce((s, p) => s + facts.get(p.key)!.value, 0), threshold) && !skip.includes(what)) return { what, from: [eq.total, ...eq.parts.filter((p) => known.has(p.key)).map((p) => p.key)] };
  }
  return null;
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
    const leak = findLeak(facts, equations, known, threshold, unprotectable);
    if (leak === null) return unprotectable;
    const candidates = [...new Set(leak.from.flatMap((k) => publishedSources(k, known, facts)))]
      .map((k) => facts.get(k)!)
      .filter((f) => !f.forced && f.value !== 0)
      .sort((a, b) => a.value - b.value || (a.key < b.key ? -1 : 1));
    if (candidates.length === 0) {
      unprotectable.push(leak.what);
      continue;
    }
    setGroup(candidates[0]!, "secondary");
  }
  throw new Error("protect did not converge");
}
