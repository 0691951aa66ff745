/**
 * Every person count the report's tables publish, as facts with their true values from the
 * run's artefacts, and the equations between them: CONSORT boxes, n analysed against n
 * randomised, the censoring and status tables, estimates (their events), subgroups, balance
 * levels, KPIs and the ledger. An equation is kept only when it holds on the true values.
 */
import type { Lang } from "../i18n.ts";
import { basisName } from "../i18n.ts";
import type { RunArtefacts } from "../buildReport.ts";
import type { Table } from "../table.ts";
import { businessFacts } from "./businessFacts.ts";
import { eventsFromDifference } from "./eventsFromDifference.ts";
import type { CellRef, Equation, Fact, Quantity } from "./model.ts";
import { meanDigits, roundTo } from "./precision.ts";
import { roundingInterval } from "./meanReveals.ts";

export interface FactBook {
  readonly facts: Map<string, Fact>;
  readonly equations: Equation[];
  /** Means and shares printed beside an n that may be hidden (./meanReveals.ts judges what they give back). */
  readonly quantities: Quantity[];
}

const ESTIMATE_CELLS = ["estimate", "conf_low", "conf_high", "p", "p_holm", "p_bh", "relative"];

/**
 * The places a `name = value` inside a text cell is written: the shown words (the name in the report's language)
 * and the column's machine form (the CSV's, field names as they are).
 */
export function textPlaces(tables: ReadonlyMap<string, Table>, ref: CellRef, lang: Lang): { key: string; name: string }[] {
  const id = tables.get(ref.table)?.columns.find((c) => c.key === ref.key)?.id;
  const name = ref.inText ?? "";
  return [{ key: ref.key, name: basisName(lang, name) }, ...(id === undefined ? [] : [{ key: id, name }])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function shown(tables: ReadonlyMap<string, Table>, ref: CellRef, lang: Lang): boolean {
  const row = tables.get(ref.table)?.rows[ref.row];
  const cell = row?.[ref.key];
  if (ref.inText !== undefined) return textPlaces(tables, ref, lang).every(({ key, name }) => typeof row?.[key] === "string" && new RegExp(`${escapeRegExp(name)} = \\d`).test(String(row[key])));
  return typeof cell === "number" || (typeof cell === "string" && /^[-+]?\d/.test(cell));
}

/** The index of the first row whose machine ids are these (`outcome_id`, `contrast_id`, …), or -1. */
function rowWith(tables: ReadonlyMap<string, Table>, table: string, ids: Readonly<Record<string, string | null>>): number {
  return (tables.get(table)?.rows ?? []).findIndex((r) => Object.entries(ids).every(([k, v]) => r[k] === v));
}

export function collectFacts(tables: ReadonlyMap<string, Table>, run: RunArtefacts, minCell = 5): FactBook {
  const facts = new Map<string, Fact>();
  const equations: Equation[] = [];
  const quantities: Quantity[] = [];
  const unitOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.quantum ?? null]));
  /** A mean (or share) as printed, with the n it is over and the published total that n is part of. */
  const quantity = (what: string, cells: CellRef[], n: string, total: string, outcome: string, value: number | null | undefined) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const digits = meanDigits(typeOf.get(outcome) === "binary");
    quantities.push({ what, cells, n, total, unit: unitOf.get(outcome) ?? null, interval: roundingInterval(roundTo(value, digits), digits) });
  };
  const fact = (key: string, value: number, options: { forced?: boolean; persons?: boolean; group?: string } = {}): Fact => {
    let f = facts.get(key);
    if (!f) {
      f = { key, value, persons: options.persons ?? true, forced: options.forced ?? false, cells: [], reveals: [], group: options.group ?? null, published: false, reason: null };
      facts.set(key, f);
    }
    return f;
  };
  const cell = (f: Fact, ref: CellRef) => f.cells.push(ref);
  const eq = (total: string, parts: readonly (string | { key: string; weight: number })[], rule: string) => {
    const ps = parts.map((p) => (typeof p === "string" ? { key: p, weight: 1 } : p));
    if (!facts.has(total) || ps.some((p) => !facts.has(p.key))) return;
    const sum = ps.reduce((s, p) => s + p.weight * facts.get(p.key)!.value, 0);
    if (Math.abs(sum - facts.get(total)!.value) < 0.5) equations.push({ total, parts: ps, rule });
  };
  const rowsOf = (id: string) => tables.get(id)?.rows ?? [];
  const typeOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.type]));

  // Intake and arms: published regardless — unless the intake less the persons assigned is 1 to minCell − 1 (a few
  // awaiting randomisation): then the intake may be suppressed like any other total, or it would give them away.
  const arms = run.assignment?.consort.arms ?? [];
  const assignedTotal = arms.reduce((s, a) => s + a.randomised, 0);
  const notYetAssigned = run.ingest.persons - assignedTotal;
  fact("intake", run.ingest.persons, { forced: arms.length === 0 || notYetAssigned === 0 || notYetAssigned >= minCell });
  for (const a of arms) fact(`randomised:${a.arm}`, a.randomised, { forced: true });
  if (run.assignment) {
    fact("consort:randomised_total", assignedTotal, { forced: true });
    rowsOf("status").forEach((_r, i) => cell(fact("consort:randomised_total", 0), { table: "status", row: i, key: "trial" }));
  }
  eq("intake", arms.map((a) => `randomised:${a.arm}`), "intake = the arms randomised");
  rowsOf("summary").forEach((r, i) => {
    if (r.figure_id === "intake") cell(fact("intake", 0), { table: "summary", row: i, key: "value" });
    for (const a of arms) if (r.figure_id === `randomised:${a.arm}`) cell(fact(`randomised:${a.arm}`, 0), { table: "summary", row: i, key: "value" });
  });
  rowsOf("status").forEach((_r, i) => cell(fact("intake", 0), { table: "status", row: i, key: "intake" }));

  // Outcome status per arm (n analysed = observed), and the censoring table's totals.
  const statusRows = run.assignment?.consort.outcomeStatusByArm ?? [];
  let index = 0;
  for (const row of statusRows) {
    const keys: string[] = [];
    for (const [status, n] of Object.entries(row.byStatus)) {
      const key = `status:${row.outcome}:${row.arm}:${status}`;
      cell(fact(key, n), { table: "outcome_status_by_arm", row: index++, key: "n" });
      keys.push(key);
    }
    eq(`randomised:${row.arm}`, keys, "an arm's outcome statuses add up to n randomised");
  }
  run.ingest.outcomes.forEach((o, i) => {
    const byKind = { observed: o.observed, censored: o.censored, incomplete: o.incomplete, not_applicable: o.notApplicable } as const;
    for (const [kind, value] of Object.entries(byKind)) cell(fact(`total:${o.id}:${kind}`, value), { table: "censoring", row: i, key: kind });
    eq("intake", Object.keys(byKind).map((k) => `total:${o.id}:${k}`), "the statuses of an outcome add up to the intake");
    for (const kind of Object.keys(byKind)) {
      const parts = statusRows.filter((r) => r.outcome === o.id).flatMap((r) => Object.keys(r.byStatus).filter((s) => s === kind || s.startsWith(`${kind}:`)).map((s) => `status:${o.id}:${r.arm}:${s}`));
      eq(`total:${o.id}:${kind}`, parts, "a status total is the sum over arms and reasons");
    }
  });
  // The status table's n followed to the end is the primary outcome's observed total (the censoring table's).
  rowsOf("status").forEach((r, i) => {
    if (typeof r.outcome_id === "string" && facts.has(`total:${r.outcome_id}:observed`)) cell(fact(`total:${r.outcome_id}:observed`, 0), { table: "status", row: i, key: "completed" });
  });

  // CONSORT: per arm the boxes add up to n randomised (rows found by their stage_id and arm_id).
  const primary = run.assignment ? (run.ingest.outcomes.find((o) => statusRows.some((r) => r.outcome === o.id)) ?? null) : null;
  const LOSSES = ["follow_up_incomplete", "emigrated", "died", "other", "extract_coverage"] as const;
  rowsOf("consort").forEach((r, i) => {
    const a = arms.find((x) => x.arm === r.arm_id);
    if (!a) {
      if (r.stage_id === "assessed") cell(fact("assessed", run.assignment!.consort.assessed), { table: "consort", row: i, key: "n" });
      const whole = consortWhole(run)[String(r.stage_id)];
      if (whole !== undefined) cell(fact(`consort:${String(r.stage_id)}`, whole.value, { forced: whole.forced }), { table: "consort", row: i, key: "n" });
      return;
    }
    const lost = a.lostToFollowUp;
    const named: Record<string, number | null> = {
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
    const value = named[String(r.stage_id)];
    if (value === undefined || value === null) return;
    const key = r.stage_id === "randomised" ? `randomised:${a.arm}` : `consort:${a.arm}:${r.stage_id}`;
    cell(fact(key, value), { table: "consort", row: i, key: "n" });
  });
  // CONSORT before the arms: every person assessed is in one path (rows with no arm, found by their stage_id).
  const byRule = Object.keys(run.assignment?.consort.excluded.byRule ?? {});
  eq("consort:excluded", byRule.map((rule) => `consort:excluded:${rule}`), "CONSORT: the reasons for exclusion add up to the excluded");
  eq("consort:randomised_total", arms.map((a) => `randomised:${a.arm}`), "CONSORT: the randomised total = the arms");
  const present = (keys: readonly string[]) => keys.filter((k) => facts.has(k));
  eq("assessed", present(["consort:excluded", "consort:not_yet_referred", "intake"]), "CONSORT: assessed = excluded + referred after the as-of date + enrolled");
  eq("assessed", present(["consort:excluded", "consort:not_yet_referred", "consort:awaiting_randomisation", "consort:not_assigned", "consort:randomised_total"]), "CONSORT: assessed = excluded + not yet referred + awaiting + not assigned + randomised");
  eq("intake", present(["consort:awaiting_randomisation", "consort:not_assigned", ...arms.map((a) => `randomised:${a.arm}`)]), "CONSORT: enrolled = awaiting + not assigned + the arms");
  eq("intake", arms.map((a) => `consort:${a.arm}:pool`), "CONSORT (matched): enrolled = the arms' pools");
  for (const a of arms) eq(`consort:${a.arm}:pool`, [`randomised:${a.arm}`, `consort:${a.arm}:unmatched`], "CONSORT (matched): a pool = matched + not matched");
  for (const a of arms) {
    const k = (stage: string) => `consort:${a.arm}:${stage}`;
    fact(`consort:${a.arm}:not_applicable`, a.notApplicable);
    eq(`randomised:${a.arm}`, [k("received"), k("not_received")], "CONSORT: received + not received = randomised");
    const flow = [...LOSSES.map((l) => `lost:${l}`), "incomplete", "analysed"].map(k);
    eq(`randomised:${a.arm}`, [...flow, `consort:${a.arm}:not_applicable`], "CONSORT: the losses and n analysed add up to n randomised");
    if (primary) {
      eq(k("analysed"), [`status:${primary.id}:${a.arm}:observed`], "CONSORT analysed = the primary outcome observed");
      const pairs: [string, string][] = [["follow_up_incomplete", "censored:as_of"], ["emigrated", "censored:emigrated"], ["died", "censored:died"], ["other", "censored:other"], ["extract_coverage", "censored:extract_coverage"]];
      for (const [box, status] of pairs) eq(k(`lost:${box}`), [`status:${primary.id}:${a.arm}:${status}`], "CONSORT losses = the primary outcome's statuses");
    }
  }

  // Effects: n per arm (= observed), and for a binary outcome the events behind the estimate.
  // Each row of the effects table is found by its outcome_id, contrast_id and estimator_id.
  const effects = run.effects;
  const effectRows = rowsOf("effects");
  const rowOf = (e: { outcome: string; contrast: string; estimator: string }) => effectRows.findIndex((r) => r.outcome_id === e.outcome && r.contrast_id === e.contrast && r.estimator_id === e.estimator);
  const estimates = effects ? effects.estimates.filter((e) => rowOf(e) >= 0) : [];
  estimates.forEach((e) => {
    const i = rowOf(e);
    const [treated, control] = e.contrast.split(" vs ") as [string, string];
    const nT = fact(`n:${e.outcome}:${treated}:${e.estimator}`, e.n_treated);
    const nC = fact(`n:${e.outcome}:${control}:${e.estimator}:control`, e.n_control);
    cell(nT, { table: "effects", row: i, key: "n_treated" });
    cell(nC, { table: "effects", row: i, key: "n_control" });
    eq(nT.key, [`status:${e.outcome}:${treated}:observed`], "n analysed = the outcome observed");
    eq(nC.key, [`status:${e.outcome}:${control}:observed`], "n analysed = the outcome observed");
    const group = `estimate:${e.outcome}:${e.contrast}`;
    // estimate ÷ relative effect is the control arm's mean (and + estimate the treated arm's): judged as printed.
    const relative = effectRows[i]?.relative;
    const estimateCell = effectRows[i]?.estimate;
    if (typeof relative === "number" && typeof estimateCell === "number" && relative !== 0) {
      const [eLow, eHigh] = roundingInterval(roundTo(estimateCell, 3), 3);
      const [rLow, rHigh] = roundingInterval(roundTo(relative, 3), 3);
      if (rLow > 0 || rHigh < 0) {
        const corners = [eLow / rLow, eLow / rHigh, eHigh / rLow, eHigh / rHigh];
        const [low, high] = [Math.min(...corners), Math.max(...corners)];
        const refs = [{ table: "effects", row: i, key: "relative" }];
        quantities.push({ what: `effects ${e.outcome} ${e.estimator}: estimate ÷ relative (${control})`, cells: refs, n: nC.key, total: `randomised:${control}`, unit: unitOf.get(e.outcome) ?? null, interval: [low, high] });
        quantities.push({ what: `effects ${e.outcome} ${e.estimator}: estimate ÷ relative + estimate (${treated})`, cells: refs, n: nT.key, total: `randomised:${treated}`, unit: unitOf.get(e.outcome) ?? null, interval: [low + eLow, high + eHigh] });
      }
    }
    if (typeOf.get(e.outcome) === "binary" && e.mean_treated !== null && e.mean_control !== null) {
      for (const [arm, mean, n, nKey] of [[treated, e.mean_treated, e.n_treated, nT.key], [control, e.mean_control, e.n_control, nC.key]] as const) {
        const events = Math.round(mean * n);
        const ev = fact(`events:${e.outcome}:${e.contrast}:${arm}`, events, { group });
        fact(`nonevents:${e.outcome}:${e.contrast}:${arm}`, n - events);
        eq(nKey, [ev.key, `nonevents:${e.outcome}:${e.contrast}:${arm}`], "events + non-events = n analysed");
        for (const key of ESTIMATE_CELLS) ev.reveals.push({ table: "effects", row: i, key });
        if (e.estimator === "difference_in_means") ev.cells.push({ table: "effects", row: i, key: "estimate" });
      }
    }
  });
  // The memo table and the summary state the group means in words: they reveal the events behind the estimate.
  for (const [table, keys, find] of [
    ["effects_primary", ["means", "difference", "ci", "p"], (o: string, c: string) => rowWith(tables, "effects_primary", { outcome_id: o, contrast_id: c })],
    ["summary", ["value"], (o: string, c: string) => rowWith(tables, "summary", { figure_id: `effect:${o}:${c}` })],
  ] as const) {
    for (const e of estimates.filter((x) => x.estimator === "difference_in_means")) {
      const row = find(e.outcome, e.contrast);
      if (row < 0) continue;
      const [treatedArm, controlArm] = e.contrast.split(" vs ") as [string, string];
      const refs = keys.map((key) => ({ table, row, key }));
      quantity(`${table} ${e.outcome}: mean (${treatedArm})`, refs, `n:${e.outcome}:${treatedArm}:${e.estimator}`, `randomised:${treatedArm}`, e.outcome, e.mean_treated);
      quantity(`${table} ${e.outcome}: mean (${controlArm})`, refs, `n:${e.outcome}:${controlArm}:${e.estimator}:control`, `randomised:${controlArm}`, e.outcome, e.mean_control);
      for (const arm of e.contrast.split(" vs ")) {
        const ev = facts.get(`events:${e.outcome}:${e.contrast}:${arm}`);
        if (ev) for (const key of keys) ev.reveals.push({ table, row, key });
      }
    }
  }

  // Subgroups: n per level add up to n analysed; a binary estimate reveals its events.
  (effects?.subgroups ?? []).forEach((s, i) => {
    const [treated, control] = s.contrast.split(" vs ") as [string, string];
    for (const [arm, n, col] of [[treated, s.n_treated, "n_treated"], [control, s.n_control, "n_control"]] as const) cell(fact(`sub:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, n), { table: "subgroups", row: i, key: col });
    if (typeOf.get(s.outcome) === "binary" && s.estimate !== null) {
      const solutions = eventsFromDifference(s.estimate, s.n_treated, s.n_control);
      const worst = [...solutions].sort((a, b) => Math.min(a.treated, s.n_treated - a.treated, a.control, s.n_control - a.control) - Math.min(b.treated, s.n_treated - b.treated, b.control, s.n_control - b.control))[0];
      if (worst) {
        for (const [arm, events, n] of [[treated, worst.treated, s.n_treated], [control, worst.control, s.n_control]] as const) {
          const ev = fact(`subevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, events, { group: `subgroup:${i}` });
          fact(`subnonevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, n - events);
          for (const key of ["estimate", "conf_low", "conf_high", "p"]) ev.reveals.push({ table: "subgroups", row: i, key });
          ev.cells.push({ table: "subgroups", row: i, key: "estimate" });
          eq(`sub:${s.outcome}:${s.subgroup}:${s.level}:${arm}`, [ev.key, `subnonevents:${s.outcome}:${s.subgroup}:${s.level}:${arm}`], "events + non-events = n in the subgroup");
        }
      }
    }
  });
  for (const e of estimates.filter((x) => x.estimator === "difference_in_means")) {
    const [treated, control] = e.contrast.split(" vs ") as [string, string];
    const subgroupNames = [...new Set((effects?.subgroups ?? []).filter((s) => s.outcome === e.outcome && s.contrast === e.contrast).map((s) => s.subgroup))];
    for (const name of subgroupNames) {
      const levels = (effects?.subgroups ?? []).filter((s) => s.outcome === e.outcome && s.contrast === e.contrast && s.subgroup === name);
      for (const [arm, nKey] of [[treated, `n:${e.outcome}:${treated}:${e.estimator}`], [control, `n:${e.outcome}:${control}:${e.estimator}:control`]] as const) {
        eq(nKey, levels.map((l) => `sub:${e.outcome}:${name}:${l.level}:${arm}`), "a subgroup's levels add up to n analysed");
        eq(`events:${e.outcome}:${e.contrast}:${arm}`, levels.map((l) => `subevents:${e.outcome}:${name}:${l.level}:${arm}`), "a subgroup's events add up to the arm's events");
      }
    }
  }

  // KPIs: the share of the persons measured reveals the count achieving it.
  (effects?.kpis ?? []).forEach((k, i) => {
    const n = fact(`kpi:${k.id}:${k.arm}:persons`, k.persons);
    cell(n, { table: "kpis", row: i, key: "persons" });
    const achieved = fact(`kpi:${k.id}:${k.arm}:achieved`, k.achieved);
    for (const key of ["share", "low", "high"]) achieved.reveals.push({ table: "kpis", row: i, key });
    if (k.arm) quantity(`kpis ${k.id}: share (${k.arm})`, ["share", "low", "high"].map((key) => ({ table: "kpis", row: i, key })), n.key, `randomised:${k.arm}`, k.outcome, k.share);
    fact(`kpi:${k.id}:${k.arm}:not_achieved`, k.persons - k.achieved);
    eq(n.key, [achieved.key, `kpi:${k.id}:${k.arm}:not_achieved`], "KPI: achieved + not achieved = persons");
    if (k.arm) eq(n.key, [`status:${k.outcome}:${k.arm}:observed`], "KPI persons = the outcome observed");
  });

  // Balance: a categorical covariate's levels add up to the arm's n.
  (run.assignment?.balance.rows ?? []).forEach((r, i) => {
    if (r.type === "continuous") return;
    r.arms.forEach((a, j) => {
      const nKey = `balance:${r.comparison}:${r.covariate}:${j}:n`;
      cell(fact(nKey, a.n), { table: "balance", row: i, key: j === 0 ? "n_arm" : "n_control" });
      eq(nKey, [`randomised:${a.arm}`], "balance n = n randomised");
      const having = Math.round((a.mean ?? 0) * a.n);
      const f = fact(`balance:${r.comparison}:${r.covariate}:${r.level ?? ""}:${j}`, having, { group: `balance:${i}` });
      for (const key of ["mean_arm", "sd_arm", "mean_control", "sd_control", "smd", "p", "flag"]) f.reveals.push({ table: "balance", row: i, key });
      f.cells.push({ table: "balance", row: i, key: j === 0 ? "mean_arm" : "mean_control" });
      if (r.level === null) {
        fact(`balance:${r.comparison}:${r.covariate}::${j}:not`, a.n - having);
        eq(nKey, [f.key, `balance:${r.comparison}:${r.covariate}::${j}:not`], "a binary covariate: having + not having = n");
      }
    });
  });
  const byCovariate = new Map<string, { arms: { arm: string }[]; level: string | null }[]>();
  for (const r of run.assignment?.balance.rows ?? []) if (r.type === "categorical") byCovariate.set(`${r.comparison}:${r.covariate}`, [...(byCovariate.get(`${r.comparison}:${r.covariate}`) ?? []), r]);
  for (const [key, levels] of byCovariate) for (let j = 0; j < 2; j++) eq(`balance:${key}:${j}:n`, levels.map((l) => `balance:${key}:${l.level ?? ""}:${j}`), "a categorical covariate's levels add up to n");

  // Ledger: a line's amount ÷ its price is its persons; a period's lines add up to its total.
  let line = 0;
  for (const c of run.repayment?.contracts ?? []) {
    for (const l of c.lines) {
      const row = line++;
      const personsKey = Object.keys(l.basis).find((k) => k === "persons" || k === "persons_at_cap");
      for (const side of ["n_treated", "n_control"] as const) {
        const e = estimates.find((x) => x.outcome === l.item && x.estimator === "difference_in_means");
        const n = e && l.basis[side] !== undefined ? facts.get(side === "n_treated" ? `n:${e.outcome}:${e.contrast.split(" vs ")[0]}:${e.estimator}` : `n:${e.outcome}:${e.contrast.split(" vs ")[1]}:${e.estimator}:control`) : undefined;
        if (!e || !n) continue;
        n.cells.push({ table: "repayment_lines", row, key: "basis", inText: side });
        const mean = side === "n_treated" ? "mean_treated" : "mean_control";
        const arm = e.contrast.split(" vs ")[side === "n_treated" ? 0 : 1]!;
        quantity(`repayment_lines ${c.name} ${l.period}: ${mean}`, [{ table: "repayment_lines", row, key: "basis", inText: mean }], n.key, `randomised:${arm}`, e.outcome, l.basis[mean]);
        // A difference line pays (mean꜀ − meanₜ) × price × nₜ: with a non-zero amount, the means (here and in the effects table) give n back.
        if (l.amount !== null && l.amount !== 0) {
          for (const name of ["mean_treated", "mean_control", "conf_high"]) n.reveals.push({ table: "repayment_lines", row, key: "basis", inText: name });
          const at = rowOf(e);
          for (const key of ["estimate", "conf_low", "conf_high", "relative"]) n.reveals.push({ table: "effects", row: at, key });
        }
      }
      if (!personsKey) continue;
      const f = fact(`line:${c.name}:${l.period}:${row}:${typeof l.item === "string" ? l.item : l.item.en}`, l.basis[personsKey] ?? 1, { group: `period:${c.name}:${l.period}` });
      f.cells.push({ table: "repayment_lines", row, key: "basis", inText: personsKey }, { table: "repayment_lines", row, key: "amount" });
    }
  }
  // The business case, the payer split, the investors' return and the repayment risk (businessFacts.ts).
  businessFacts(tables, run, facts);
  return { facts, equations, quantities };
}

/** Marks a fact published when every cell that shows it shows a number. */
export function markPublished(book: FactBook, tables: ReadonlyMap<string, Table>, lang: Lang): void {
  for (const f of book.facts.values()) {
    const refs = f.cells.length > 0 ? f.cells : f.reveals;
    f.published = refs.length > 0 && refs.every((ref) => shown(tables, ref, lang));
  }
}

/** The CONSORT rows with no arm besides assessed (consort.ts): their true values, and whether they must be shown. */
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
