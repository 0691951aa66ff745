/**
 * The CONSORT boxes: per arm they add up to n randomised (rows found by their stage_id and
 * arm_id), before the arms every person assessed is in one path, a matched pool is matched +
 * not matched, and the boxes agree with the primary outcome's statuses.
 */
import type { RunArtefacts } from "../../buildReport.ts";
import type { FactSource } from "./factBook.ts";

const LOSSES = ["follow_up_incomplete", "emigrated", "died", "other", "extract_coverage"] as const;
/** A loss box and the primary outcome's status it counts. */
const LOSS_STATUS: readonly [string, string][] = [["follow_up_incomplete", "censored:as_of"], ["emigrated", "censored:emigrated"], ["died", "censored:died"], ["other", "censored:other"], ["extract_coverage", "censored:extract_coverage"]];

export const consortFacts = {
  tables: ["consort"],
  collect(book, run) {
    const arms = run.assignment?.consort.arms ?? [];
    book.rowsOf("consort").forEach((r, i) => {
      const a = arms.find((x) => x.arm === r.arm_id);
      if (!a) {
        if (r.stage_id === "assessed") book.show(book.fact("assessed", run.assignment!.consort.assessed), book.ref("consort", i, "n"));
        const whole = consortWhole(run)[String(r.stage_id)];
        if (whole !== undefined) book.show(book.fact(`consort:${String(r.stage_id)}`, whole.value, { forced: whole.forced }), book.ref("consort", i, "n"));
        return;
      }
      const value = armBoxes(run, a)[String(r.stage_id)];
      if (value === undefined || value === null) return;
      const key = r.stage_id === "randomised" ? `randomised:${a.arm}` : `consort:${a.arm}:${r.stage_id}`;
      book.show(book.fact(key, value), book.ref("consort", i, "n"));
    });
    // Before the arms: every person assessed is in one path (rows with no arm, found by their stage_id).
    const byRule = Object.keys(run.assignment?.consort.excluded.byRule ?? {});
    book.equation("consort:excluded", byRule.map((rule) => `consort:excluded:${rule}`), "CONSORT: the reasons for exclusion add up to the excluded");
    book.equation("consort:randomised_total", arms.map((a) => `randomised:${a.arm}`), "CONSORT: the randomised total = the arms");
    const present = (keys: readonly string[]) => keys.filter((k) => book.facts.has(k));
    book.equation("assessed", present(["consort:excluded", "consort:not_yet_referred", "intake"]), "CONSORT: assessed = excluded + referred after the as-of date + enrolled");
    book.equation("assessed", present(["consort:excluded", "consort:not_yet_referred", "consort:awaiting_randomisation", "consort:not_assigned", "consort:randomised_total"]), "CONSORT: assessed = excluded + not yet referred + awaiting + not assigned + randomised");
    book.equation("intake", present(["consort:awaiting_randomisation", "consort:not_assigned", ...arms.map((a) => `randomised:${a.arm}`)]), "CONSORT: enrolled = awaiting + not assigned + the arms");
    book.equation("intake", arms.map((a) => `consort:${a.arm}:pool`), "CONSORT (matched): enrolled = the arms' pools");
    for (const a of arms) book.equation(`consort:${a.arm}:pool`, [`randomised:${a.arm}`, `consort:${a.arm}:unmatched`], "CONSORT (matched): a pool = matched + not matched");
    // The primary outcome: the one whose statuses per arm the assignment counted.
    const statusRows = run.assignment?.consort.outcomeStatusByArm ?? [];
    const primary = run.assignment ? (run.ingest.outcomes.find((o) => statusRows.some((r) => r.outcome === o.id)) ?? null) : null;
    for (const a of arms) {
      const k = (stage: string) => `consort:${a.arm}:${stage}`;
      book.fact(`consort:${a.arm}:not_applicable`, a.notApplicable);
      book.equation(`randomised:${a.arm}`, [k("received"), k("not_received")], "CONSORT: received + not received = randomised");
      const flow = [...LOSSES.map((l) => `lost:${l}`), "incomplete", "analysed"].map(k);
      book.equation(`randomised:${a.arm}`, [...flow, `consort:${a.arm}:not_applicable`], "CONSORT: the losses and n analysed add up to n randomised");
      if (primary) {
        book.equation(k("analysed"), [`status:${primary.id}:${a.arm}:observed`], "CONSORT analysed = the primary outcome observed");
        for (const [box, status] of LOSS_STATUS) book.equation(k(`lost:${box}`), [`status:${primary.id}:${a.arm}:${status}`], "CONSORT losses = the primary outcome's statuses");
      }
    }
  },
} satisfies FactSource<"consort">;

type ConsortArm = NonNullable<RunArtefacts["assignment"]>["consort"]["arms"][number];

/** An arm's boxes by their stage id (null: not known, e.g. received without a participation extract). */
function armBoxes(run: RunArtefacts, a: ConsortArm): Record<string, number | null> {
  const lost = a.lostToFollowUp;
  return {
    randomised: a.randomised,
    received: a.receivedAllocated,
    not_received: a.didNotReceiveAllocated ?? null,
    "lost:follow_up_incomplete": lost.followUpIncomplete,
    "lost:emigrated": lost.emigrated,
    "lost:died": lost.died,
    "lost:other": lost.other,
    "lost:extract_coverage": lost.extractCoverage,
    incomplete: a.incomplete.total,
    analysed: a.analysed,
    not_applicable: a.notApplicable,
    ...consortPools(run, a.arm),
  };
}

/** The CONSORT rows with no arm besides assessed (sections/consort.ts): their true values, and whether they must be shown. */
function consortWhole(run: RunArtefacts): Record<string, { value: number; forced: boolean }> {
  const a = run.assignment!;
  const c = a.consort;
  const matched = a.design.mode === "matched";
  return {
    excluded: { value: c.excluded.total, forced: false },
    ...Object.fromEntries(Object.entries(c.excluded.byRule).map(([rule, n]) => [`excluded:${rule}`, { value: n, forced: false }])),
    not_yet_referred: { value: run.ingest.personsReferredAfterAsOf, forced: false },
    awaiting_randomisation: { value: a.persons.awaitingRandomisation, forced: false },
    not_assigned: { value: matched ? 0 : c.notAssigned - a.persons.awaitingRandomisation, forced: false },
    randomised_total: { value: c.arms.reduce((s, x) => s + x.randomised, 0), forced: true },
  };
}

/** A matched comparison's pool per arm (programme: who received it; comparison: the pool drawn from) and those left out. */
function consortPools(run: RunArtefacts, arm: string): Record<string, number> {
  const a = run.assignment!;
  if (!a.matching) return {};
  const control = a.design.arms.find((x) => x.name === arm)?.control ?? false;
  return control ? { pool: a.matching.pool, unmatched: a.matching.pool - a.matching.drawn } : { pool: a.matching.programme, unmatched: a.matching.unmatched };
}
