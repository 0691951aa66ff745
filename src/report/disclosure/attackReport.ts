/**
 * An attacker's reading of a published report/ folder: try to work out every count of 1 to 4
 * persons from what the CSV tables show (each report table is also written as CSV; the HTML
 * shows the same cells) — shown small counts, shares × n, estimate ÷ relative effect, the
 * events behind a difference of shares, margins and their differences within and across
 * tables, amount ÷ unit price in the ledger, and what the changes section shows of an
 * estimate the effects table (this run's or the previous run's) hides. Independent of the
 * engine: it knows only the published tables' columns.
 */
import { parse } from "csv-parse/sync";
import { texts } from "../i18n.ts";
import { eventsFromDifference } from "./eventsFromDifference.ts";

type Row = Record<string, string>;
export type ReportFiles = ReadonlyMap<string, string>;

const SMALL = (v: number) => v >= 1 && v <= 4;
const COUNT_COLUMNS = ["n", "n_treated", "n_control", "n_arm", "observed", "censored", "incomplete", "not_applicable", "persons", "intake", "completed"];

function rowsOf(files: ReportFiles, table: string): Row[] {
  const text = files.get(`${table}.csv`);
  return text ? (parse(text, { columns: true, skip_empty_lines: true }) as Row[]) : [];
}

/** A published number, or null for a suppressed or empty cell. Reads 1.234,5 and 1,234.5 and 238. */
export function readNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const s = text.trim();
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(s)) return Number(s);
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ""));
  if (/^-?\d+,\d+$/.test(s)) return Number(s.replace(",", "."));
  return null;
}

/**
 * Several hidden ledger lines: is `rest` = Σ priceᵢ × personsᵢ payable at all, and only with some personsᵢ of 1 to 4?
 * (Persons are whole, 0 or more; a line with 0 or at least 5 persons is what the engine may leave hidden.)
 * Two unbounded knapsacks over rest ÷ gcd: one with any counts, one with counts of 0 or ≥ 5 only.
 */
export function onlySmallSolutions(rest: number, prices: readonly number[]): boolean {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  if (rest < 0 || !Number.isInteger(rest) || prices.some((p) => !Number.isInteger(p) || p <= 0)) return false;
  const g = prices.reduce(gcd);
  if (rest % g !== 0) return false;
  const target = rest / g;
  if (target > 5_000_000) return false;
  const units = prices.map((p) => p / g);
  const any = new Uint8Array(target + 1);
  let allowed = new Uint8Array(target + 1);
  any[0] = 1;
  allowed[0] = 1;
  for (const u of units) {
    for (let s = u; s <= target; s++) if (any[s - u]) any[s] = 1;
    // 0 persons (as it was), or 5 and more: first 5 at once, then one at a time.
    const next = allowed.slice();
    const five = new Uint8Array(target + 1);
    for (let s = 5 * u; s <= target; s++) if (allowed[s - 5 * u] || five[s - u]) five[s] = 1;
    for (let s = 0; s <= target; s++) if (five[s]) next[s] = 1;
    allowed = next;
  }
  return any[target] === 1 && allowed[target] === 0;
}

interface Item {
  readonly name: string;
  value: number | null;
}

/** total = Σ parts: derive one unknown at a time, across every equation, until nothing changes. */
function solve(equations: { total: Item; parts: Item[]; where: string }[], found: string[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      const members = [eq.total, ...eq.parts];
      const unknown = members.filter((m) => m.value === null);
      if (unknown.length > 1 && eq.total.value !== null) {
        // The suppressed parts of a known total together: their sum is a count of persons too.
        const rest = eq.total.value - eq.parts.filter((p) => p.value !== null).reduce((sum, p) => sum + p.value!, 0);
        if (SMALL(Math.round(rest))) found.push(`${unknown.map((u) => u.name).join(" + ")} = ${Math.round(rest)} (${eq.where})`);
      }
      if (unknown.length !== 1) continue;
      const u = unknown[0]!;
      const known = eq.parts.filter((p) => p !== u).reduce((s, p) => s + p.value!, 0);
      u.value = u === eq.total ? known : eq.total.value! - known;
      changed = true;
      if (SMALL(Math.round(u.value))) found.push(`${u.name} = ${Math.round(u.value)} (${eq.where})`);
    }
  }
}

/**
 * What the attacker knows besides the tables: which outcomes are binary (ids and labels), as
 * the published analysis plan says. Without it every difference between −1 and 1 is tried as
 * one of two shares.
 */
export interface AttackerKnowledge {
  readonly binaryOutcomes?: ReadonlySet<string>;
  /**
   * The unit each outcome is measured in (ids and labels → 1 for whole days or events, 7 for days counted in whole
   * weeks, 0.01 for øre): a mean × n is a whole number of units. Absent: 1 is tried.
   */
  readonly units?: ReadonlyMap<string, number>;
  /** KPIs compared with the control arm (the analysis plan): the threshold is the control arm's Kaplan–Meier share at atDays. */
  readonly kpisAgainstControl?: ReadonlyMap<string, { readonly outcome: string; readonly atDays: number }>;
}

/**
 * What the published analysis plan tells an attacker, from a run's ingest.json (outcome kinds and units) and its
 * spec (the KPIs compared with the control arm).
 */
export function knowledgeOf(ingest: { outcomes: readonly { id: string; label: unknown; type: string; quantum?: number | null }[] }, kpis: readonly { id: string; outcome: string; atDays?: number; direction?: string }[] = []): AttackerKnowledge {
  const names = (o: { id: string; label: unknown }) => [o.id, ...(typeof o.label === "string" ? [o.label] : Object.values(o.label as Record<string, string>))];
  return {
    binaryOutcomes: new Set(ingest.outcomes.filter((o) => o.type === "binary").flatMap(names)),
    units: new Map(ingest.outcomes.flatMap((o) => (o.quantum === null || o.quantum === undefined ? [] : names(o).map((n) => [n, o.quantum!] as const)))),
    kpisAgainstControl: new Map(kpis.filter((k) => (k.direction === "below_control" || k.direction === "above_control") && k.atDays !== undefined).map((k) => [k.id, { outcome: k.outcome, atDays: k.atDays! }])),
  };
}

/** The decimals a number is printed with ("314.4117647058824" → 13, "245" → 0, "0,125" → 3). */
function decimalsOf(text: string): number {
  return /[.,](\d+)$/.exec(text.trim())?.[1]?.length ?? 0;
}

/**
 * Exact-mean inversion: a mean printed to `decimals` decimals, over a hidden n from a published total T, fits only the n
 * for which some whole number of units k gives k·unit/n that prints the same. When every n from T − 4 to T that fits
 * leaves 1 to 4 persons out, the mean gives that count back. Returns those n (empty: nothing learnt).
 */
export function invertMean(shown: number, decimals: number, unit: number, total: number): number[] {
  const half = 0.5 * 10 ** -decimals;
  const fits: number[] = [];
  for (let n = Math.max(1, total - 4); n <= total; n++) {
    const low = Math.ceil(((shown - half) * n) / unit - 1e-9);
    const high = Math.floor(((shown + half) * n) / unit + 1e-9);
    if (low <= high) fits.push(n);
  }
  return fits.length > 0 && fits.every((n) => SMALL(total - n)) ? fits : [];
}

export function attackReport(files: ReportFiles, previous: ReportFiles | null = null, knowledge: AttackerKnowledge = {}): string[] {
  const attack = newAttack(knowledge);
  // 1. Small counts shown as they are.
  smallCountsShown(attack, files);
  // 2. CONSORT: the boxes per arm and before the arms.
  const trial = consortEquations(attack, files);
  // 3. Outcome status per arm and the censoring table.
  statusEquations(attack, files, trial);
  // 4. Effects: n analysed against n randomised; the events behind a binary estimate.
  const effects = effectReveals(attack, files, trial);
  // 4b. The group means in words.
  const sentences = meanSentences(files);
  sharesInWords(attack, sentences, effects);
  // 5. Subgroups.
  subgroupReveals(attack, files, effects);
  // 6. KPIs and balance: share × n.
  shareReveals(attack, files);
  // 7. Ledger: amount ÷ unit price; a period's total less its shown lines.
  ledgerReveals(attack, files, trial);
  solve(attack.equations, attack.found);
  // 7b. Exact-mean inversion: a mean printed beside a hidden n, against n randomised.
  meanInversions(attack, files, trial, effects, sentences);
  // 7c. A KPI threshold taken from the control arm's Kaplan–Meier value that the survival table hides.
  kpiThresholds(attack, files, effects);
  // 8. The changes section must not show an estimate that the effects table (this run's, or the previous run's) hides.
  changesShown(attack, files, previous);
  return [...new Set(attack.found)];
}

/** What the attacker has found so far, the published numbers it reasons with, and the equations between them. */
interface Attack {
  readonly knowledge: AttackerKnowledge;
  readonly found: string[];
  readonly equations: { total: Item; parts: Item[]; where: string }[];
  /** The number of this name: read from `text` the first time a text is given. */
  item(name: string, text?: string): Item;
  mayBeBinary(outcome: string | undefined): boolean;
}

function newAttack(knowledge: AttackerKnowledge): Attack {
  const items = new Map<string, Item>();
  return {
    knowledge,
    found: [],
    equations: [],
    item(name, text) {
      let it = items.get(name);
      if (!it) {
        it = { name, value: text === undefined ? null : readNumber(text) };
        items.set(name, it);
      } else if (it.value === null && text !== undefined) it.value = readNumber(text);
      return it;
    },
    mayBeBinary: (outcome) => knowledge.binaryOutcomes === undefined || knowledge.binaryOutcomes.has(outcome ?? ""),
  };
}

/** What the CONSORT table tells of the trial: its arms, the intake and each arm's n randomised. */
interface Trial {
  readonly arms: string[];
  readonly intake: Item;
  randomisedOf(arm: string): Item;
}

function smallCountsShown(attack: Attack, files: ReportFiles): void {
  for (const [file, text] of files) {
    if (!file.endsWith(".csv")) continue;
    (parse(text, { columns: true, skip_empty_lines: true }) as Row[]).forEach((row, i) => {
      for (const column of COUNT_COLUMNS) {
        const v = readNumber(row[column]);
        if (v !== null && SMALL(v)) attack.found.push(`${file} line ${i + 2} column ${column} shows ${v}`);
      }
    });
  }
}

/** Per arm the boxes in their order (randomised, received, not received, five losses, incomplete, analysed); before the arms, every person assessed in one path. */
function consortEquations(attack: Attack, files: ReportFiles): Trial {
  const { item, equations } = attack;
  const consort = rowsOf(files, "consort");
  const arms = [...new Set(consort.map((r) => r.arm).filter(Boolean))] as string[];
  const summary = rowsOf(files, "summary");
  // The CSVs name rows by id (figure "intake"); older reports by their words.
  const intakeLabels = ["intake", texts("da")("intake"), texts("en")("intake")];
  const intake = item("intake", summary.find((r) => intakeLabels.includes(r.figure!))?.value);
  for (const arm of arms) {
    const rows = consort.filter((r) => r.arm === arm);
    const cells = rows.map((r) => item(`consort ${arm} ${r.stage}`, r.n)).slice(0, 10);
    const randomised = cells[0]!;
    if (cells.length >= 3) equations.push({ total: randomised, parts: [cells[1]!, cells[2]!], where: "CONSORT: randomised = received + not received" });
    if (cells.length === 10) equations.push({ total: randomised, parts: [...cells.slice(3), item(`consort ${arm} not applicable`)], where: "CONSORT: randomised = losses + analysed" });
  }
  equations.push({ total: intake, parts: arms.map((a) => item(`consort ${a} ${consort.find((r) => r.arm === a)?.stage}`)), where: "intake = the arms randomised" });
  const randomisedOf = (arm: string) => item(`consort ${arm} ${consort.find((r) => r.arm === arm)?.stage}`);
  const trial = { arms, intake, randomisedOf };
  consortBeforeArms(attack, consort, trial);
  return trial;
}

/**
 * CONSORT before the arms (rows with no arm): assessed = those leaving (excluded, referred later, awaiting,
 * not assigned) + the randomised total (or, matched, the arms' pools); a pool = matched + not matched.
 */
function consortBeforeArms(attack: Attack, consort: readonly Row[], { arms, intake, randomisedOf }: Trial): void {
  const { item, equations } = attack;
  const whole = (stage: string) => consort.find((r) => !r.arm && r.stage === stage);
  const wholeItem = (stage: string) => item(`consort ${stage}`, whole(stage)?.n);
  const armRow = (arm: string, stage: string) => consort.find((r) => r.arm === arm && r.stage === stage);
  if (!whole("assessed")) return;
  const leaving = ["excluded", "not_yet_referred", "awaiting_randomisation", "not_assigned"].filter((s) => whole(s)).map(wholeItem);
  const reasons = consort.filter((r) => !r.arm && r.stage?.startsWith("excluded:"));
  if (reasons.length > 0) equations.push({ total: wholeItem("excluded"), parts: reasons.map((r) => item(`consort ${r.stage}`, r.n)), where: "CONSORT: the reasons add up to the excluded" });
  if (whole("randomised_total")) {
    equations.push({ total: wholeItem("randomised_total"), parts: arms.map(randomisedOf), where: "CONSORT: randomised = the arms" });
    const waiting = ["awaiting_randomisation", "not_assigned"].filter((s) => whole(s)).map(wholeItem);
    if (waiting.length > 0) equations.push({ total: intake, parts: [...waiting, wholeItem("randomised_total")], where: "intake = awaiting + not assigned + randomised" });
    equations.push({ total: wholeItem("assessed"), parts: [...leaving, wholeItem("randomised_total")], where: "CONSORT: assessed = those leaving + randomised" });
  }
  if (arms.length > 0 && arms.every((a) => armRow(a, "pool") && armRow(a, "unmatched"))) {
    const pools = arms.map((a) => item(`consort ${a} pool`, armRow(a, "pool")!.n));
    for (const [i, a] of arms.entries()) equations.push({ total: pools[i]!, parts: [randomisedOf(a), item(`consort ${a} unmatched`, armRow(a, "unmatched")!.n)], where: "CONSORT: a pool = matched + not matched" });
    equations.push({ total: wholeItem("assessed"), parts: [...leaving, ...pools], where: "CONSORT: assessed = those leaving + the pools" });
    equations.push({ total: intake, parts: pools, where: "intake = the pools" });
  }
}

/** Outcome status per arm adds up to n randomised; the censoring table to the intake and to the arms. */
function statusEquations(attack: Attack, files: ReportFiles, { arms, intake, randomisedOf }: Trial): void {
  const { item, equations } = attack;
  const byArm = rowsOf(files, "outcome_status_by_arm");
  const groups = new Map<string, Row[]>();
  for (const r of byArm) groups.set(`${r.outcome}\u0001${r.arm}`, [...(groups.get(`${r.outcome}\u0001${r.arm}`) ?? []), r]);
  for (const [key, rows] of groups) {
    const [outcome, arm] = key.split("\u0001") as [string, string];
    equations.push({ total: randomisedOf(arm), parts: rows.map((r) => item(`status ${outcome} ${arm} ${r.status}`, r.n)), where: `outcome status of ${outcome} in ${arm} adds up to n randomised` });
  }
  // A total over all persons is the sum over the arms only when everyone is in an arm: the reader knows that when the
  // intake is shown and equals the arms randomised (persons awaiting randomisation are in the totals, in no arm).
  const armTotals = arms.map((a) => randomisedOf(a).value);
  const everyoneInAnArm = intake.value !== null && armTotals.every((v) => v !== null) && armTotals.reduce((s: number, v) => s + v!, 0) === intake.value;
  for (const r of rowsOf(files, "censoring")) {
    const kinds = ["observed", "censored", "incomplete", "not_applicable"];
    equations.push({ total: intake, parts: kinds.map((k) => item(`censoring ${r.outcome} ${k}`, r[k])), where: `censoring of ${r.outcome} adds up to the intake` });
    for (const k of kinds) {
      const parts = byArm.filter((s) => s.outcome === r.outcome && (s.status === k || s.status!.startsWith(`${k}:`))).map((s) => item(`status ${s.outcome} ${s.arm} ${s.status}`));
      if (parts.length > 0 && everyoneInAnArm) equations.push({ total: item(`censoring ${r.outcome} ${k}`), parts, where: `censoring ${k} of ${r.outcome} = the sum over arms` });
    }
  }
}

/** n analysed against n randomised; estimate ÷ relative effect × n and the difference of shares give events back. Returns the effects table's rows. */
function effectReveals(attack: Attack, files: ReportFiles, { randomisedOf }: Trial): Row[] {
  const { item, found } = attack;
  const effects = rowsOf(files, "effects");
  for (const [i, r] of effects.entries()) {
    const [treated, control] = (r.contrast ?? "").split(" vs ");
    const nT = readNumber(r.n_treated);
    const nC = readNumber(r.n_control);
    for (const [arm, n] of [[treated, nT], [control, nC]] as const) {
      if (n === null || !arm) continue;
      const status = item(`status ${r.outcome} ${arm} observed`);
      if (status.value === null) status.value = n;
      const rand = randomisedOf(arm).value;
      if (rand !== null && SMALL(rand - n)) found.push(`effects.csv line ${i + 2}: ${r.outcome} (${r.estimator}) n = ${n} of ${rand} randomised in ${arm}: ${rand - n} not analysed`);
    }
    const estimate = readNumber(r.estimate);
    const relative = readNumber(r.relative);
    if (r.estimator !== "difference_in_means" || estimate === null || nT === null || nC === null) continue;
    if (relative !== null && relative !== 0) {
      const meanC = estimate / relative;
      const eventsC = meanC * nC;
      const eventsT = (meanC + estimate) * nT;
      if (attack.mayBeBinary(r.outcome) && Math.abs(eventsC - Math.round(eventsC)) < 1e-6 && Math.abs(eventsT - Math.round(eventsT)) < 1e-6 && meanC >= 0 && meanC <= 1) {
        for (const [arm, e, n] of [[treated, Math.round(eventsT), nT], [control, Math.round(eventsC), nC]] as const) {
          if (SMALL(e) || SMALL(n - e)) found.push(`effects.csv line ${i + 2}: ${r.outcome}: estimate ÷ relative effect × n gives ${e} events and ${n - e} non-events in ${arm}`);
        }
      }
    }
    if (Math.abs(estimate) <= 1 && attack.mayBeBinary(r.outcome)) {
      const solutions = eventsFromDifference(estimate, nT, nC);
      if (solutions.length > 0 && solutions.every((s) => SMALL(s.treated) || SMALL(nT - s.treated) || SMALL(s.control) || SMALL(nC - s.control))) found.push(`effects.csv line ${i + 2}: ${r.outcome}: the difference ${estimate} on n = ${nT}, ${nC} can only be ${solutions.map((s) => `${s.treated}/${nT} − ${s.control}/${nC}`).join(" or ")}`);
    }
  }
  return effects;
}

interface Sentence {
  readonly where: string;
  readonly outcome: string | undefined;
  readonly contrast: string | undefined;
  readonly text: string;
}

/** The memo table and the summary say the group means in words ("12,4 % … mod 8,9 % …"). */
function meanSentences(files: ReportFiles): Sentence[] {
  return [
    ...rowsOf(files, "effects_primary").map((r, i) => ({ where: `effects_primary.csv line ${i + 2}`, outcome: r.outcome, contrast: r.contrast, text: r.means ?? "" })),
    ...rowsOf(files, "summary").flatMap((r, i) => (r.figure?.startsWith("effect:") ? [{ where: `summary.csv line ${i + 2}`, outcome: r.figure.split(":")[1], contrast: r.figure.split(":").slice(2).join(":"), text: r.value ?? "" }] : [])),
  ];
}

/** The effects table's difference-in-means row of an outcome (and contrast). */
function differenceRow(effects: readonly Row[], outcome: string | undefined, contrast: string | undefined): Row | undefined {
  return effects.find((r) => r.estimator === "difference_in_means" && r.outcome === outcome && (contrast === undefined || r.contrast === contrast));
}

/** With n analysed from the effects table, a share in words rounded to 0,1 % can leave only one count of events. */
function sharesInWords(attack: Attack, sentences: readonly Sentence[], effects: readonly Row[]): void {
  for (const s of sentences) {
    const shares = [...s.text.matchAll(/(\d+(?:[.,]\d+)?) %/g)].map((m) => Number(m[1]!.replace(",", ".")) / 100);
    const row = differenceRow(effects, s.outcome, s.contrast);
    if (shares.length < 2 || !row || !attack.mayBeBinary(s.outcome)) continue;
    const [treated, control] = (row.contrast ?? "").split(" vs ");
    for (const [arm, share, n] of [[treated, shares[0]!, readNumber(row.n_treated)], [control, shares[1]!, readNumber(row.n_control)]] as const) {
      if (n === null) continue;
      const decimals = (s.text.match(/\d+[.,](\d+) %/)?.[1]?.length ?? 0) + 2;
      const half = 0.5 * 10 ** -decimals + 1e-12;
      const events = Array.from({ length: n + 1 }, (_, e) => e).filter((e) => Math.abs(e / n - share) <= half);
      if (events.length > 0 && events.every((e) => SMALL(e) || SMALL(n - e))) attack.found.push(`${s.where}: ${s.outcome}: ${100 * share} % of ${n} in ${arm} can only be ${events.join(" or ")} persons`);
    }
  }
}

/** Subgroups: levels add up to n analysed; the events behind each difference. */
function subgroupReveals(attack: Attack, files: ReportFiles, effects: readonly Row[]): void {
  const { item } = attack;
  const sumOf = new Map<string, Item[]>();
  for (const [i, r] of rowsOf(files, "subgroups").entries()) {
    const nT = readNumber(r.n_treated);
    const nC = readNumber(r.n_control);
    const estimate = readNumber(r.estimate);
    for (const side of ["n_treated", "n_control"]) sumOf.set(`${r.outcome}\u0001${r.subgroup}\u0001${side}`, [...(sumOf.get(`${r.outcome}\u0001${r.subgroup}\u0001${side}`) ?? []), item(`subgroup ${r.outcome} ${r.subgroup} ${r.level} ${side}`, r[side])]);
    if (estimate === null || nT === null || nC === null || Math.abs(estimate) > 1 || !attack.mayBeBinary(r.outcome)) continue;
    const solutions = eventsFromDifference(estimate, nT, nC);
    if (solutions.length > 0 && solutions.every((s) => SMALL(s.treated) || SMALL(nT - s.treated) || SMALL(s.control) || SMALL(nC - s.control))) attack.found.push(`subgroups.csv line ${i + 2}: ${r.outcome} ${r.subgroup} = ${r.level}: the difference ${estimate} on n = ${nT}, ${nC} can only be ${solutions.map((s) => `${s.treated}/${nT} − ${s.control}/${nC}`).join(" or ")}`);
  }
  for (const [key, parts] of sumOf) {
    const [outcome, , side] = key.split("\u0001") as [string, string, string];
    const total = effects.find((e) => e.estimator === "difference_in_means" && (e.outcome === outcome || e.outcome!.startsWith(outcome)));
    if (total) attack.equations.push({ total: item(`effects ${total.outcome} ${side}`, total[side]), parts, where: `subgroup levels of ${outcome} add up to n analysed` });
  }
}

/** KPIs and balance: share × n; a categorical covariate's levels add up to n. */
function shareReveals(attack: Attack, files: ReportFiles): void {
  const { item, found } = attack;
  for (const [i, r] of rowsOf(files, "kpis").entries()) {
    const share = readNumber(r.share);
    const n = readNumber(r.persons);
    if (share !== null && n !== null && (SMALL(Math.round(share * n)) || SMALL(n - Math.round(share * n)))) found.push(`kpis.csv line ${i + 2}: share ${share} × ${n} persons gives ${Math.round(share * n)} achieving, ${n - Math.round(share * n)} not`);
  }
  const levels = new Map<string, { n: Item; counts: Item[] }>();
  for (const [i, r] of rowsOf(files, "balance").entries()) {
    for (const [side, meanKey, nKey] of [["arm", "mean_arm", "n_arm"], ["control", "mean_control", "n_control"]] as const) {
      const mean = readNumber(r[meanKey]);
      const n = readNumber(r[nKey]);
      const categorical = r.covariate!.includes(" = ");
      const binaryLike = mean !== null && n !== null && mean >= 0 && mean <= 1 && Math.abs(mean * n - Math.round(mean * n)) < 1e-6;
      if (binaryLike && (categorical || r.sd_arm !== undefined) && categorical && (SMALL(Math.round(mean! * n!)) || SMALL(n! - Math.round(mean! * n!)))) found.push(`balance.csv line ${i + 2}: ${r.covariate} share ${mean} × ${n} in ${side}`);
      if (categorical) {
        const covariate = `${r.comparison} ${r.covariate!.split(" = ")[0]} ${side}`;
        const entry = levels.get(covariate) ?? { n: item(`balance ${covariate} n`, r[nKey]), counts: [] };
        entry.counts.push(item(`balance ${r.comparison} ${r.covariate} ${side}`, mean !== null && n !== null ? String(Math.round(mean * n)) : undefined));
        levels.set(covariate, entry);
      }
    }
  }
  for (const [covariate, entry] of levels) if (entry.counts.length > 1) attack.equations.push({ total: entry.n, parts: entry.counts, where: `the levels of ${covariate} add up to n` });
}

/** A ledger line's basis text `name = value; …` as a record. */
function basisOf(row: Row): Record<string, string> {
  return Object.fromEntries((row.basis ?? "").split("; ").map((p) => p.split(" = ") as [string, string]));
}

/** Ledger: amount ÷ unit price; a difference line's amount gives n treated; a period's total less its shown lines. */
function ledgerReveals(attack: Attack, files: ReportFiles, { arms, randomisedOf }: Trial): void {
  const { found } = attack;
  const byPeriod = new Map<string, { price: number | null; amount: number | null }[]>();
  for (const [i, r] of rowsOf(files, "repayment_lines").entries()) {
    const basis = basisOf(r);
    const priceText = (basis.price ?? basis.price_per_person ?? "").trim();
    // Prices are whole kroner: 40.000 (Danish) and 40,000 (English) both group thousands.
    const price = /^\d{1,3}([.,]\d{3})+$/.test(priceText) ? Number(priceText.replace(/[.,]/g, "")) : readNumber(priceText);
    const amount = readNumber(r.amount);
    if (price && amount !== null && SMALL(Math.round(amount / price)) && Number.isInteger(Math.round((amount / price) * 1e6) / 1e6)) found.push(`repayment_lines.csv line ${i + 2}: ${r.item} amount ${amount} ÷ price ${price} = ${amount / price} persons`);
    // A difference line: amount = (mean꜀ − meanₜ) × price × nₜ gives nₜ back when nₜ is hidden; n randomised − nₜ must not be small.
    const perUnit = readNumber(basis.price_per_unit);
    const meanT = readNumber(basis.mean_treated);
    const meanC = readNumber(basis.mean_control);
    if (amount !== null && amount !== 0 && perUnit && meanT !== null && meanC !== null && meanC !== meanT && readNumber(basis.n_treated) === null) {
      const n = Math.round(amount / (perUnit * (meanC - meanT)));
      const randomised = arms.map((a) => randomisedOf(a).value).filter((v): v is number => v !== null);
      if (randomised.some((v) => SMALL(v - n)) || SMALL(n)) found.push(`repayment_lines.csv line ${i + 2}: ${r.item} amount ÷ (price × difference of means) gives n treated = ${n}`);
    }
    if (basis.persons !== undefined || basis.persons_at_cap !== undefined) byPeriod.set(`${r.contract}\u0001${r.period}`, [...(byPeriod.get(`${r.contract}\u0001${r.period}`) ?? []), { price, amount }]);
  }
  const periods = rowsOf(files, "repayment");
  for (const [key, ls] of byPeriod) {
    const [contract, period] = key.split("\u0001");
    const total = readNumber(periods.find((p) => p.contract === contract && p.period === period)?.computed);
    const hidden = ls.filter((l) => l.amount === null);
    if (total === null || hidden.length === 0 || hidden.some((l) => !l.price)) continue;
    const rest = total - ls.filter((l) => l.amount !== null).reduce((s, l) => s + l.amount!, 0);
    if (hidden.length === 1) {
      const persons = rest / hidden[0]!.price!;
      if (SMALL(persons) && Number.isInteger(persons)) found.push(`repayment.csv ${contract} ${period}: the period total less its shown lines ÷ the hidden line's price = ${persons} persons`);
    } else if (onlySmallSolutions(rest, hidden.map((l) => l.price!))) {
      found.push(`repayment.csv ${contract} ${period}: the period total less its shown lines (${rest}) can only be paid with 1 to 4 persons on one of its ${hidden.length} hidden lines (prices ${hidden.map((l) => l.price).join(", ")})`);
    }
  }
}

/** The arms of the trial's first difference-in-means contrast (the treated arm first): a difference line compares them. */
function firstContrastOf(effects: readonly Row[]): string[] {
  return (effects.find((r) => r.estimator === "difference_in_means")?.contrast ?? "").split(" vs ");
}

/** A mean (of days, visits, events) printed beside a hidden n — in the ledger, the effects table, the KPIs, the sentences — against n randomised. */
function meanInversions(attack: Attack, files: ReportFiles, { arms, randomisedOf }: Trial, effects: readonly Row[], sentences: readonly Sentence[]): void {
  const unitOf = (outcome: string | undefined) => attack.knowledge.units?.get(outcome ?? "") ?? 1;
  const randomisedTotals = arms.map((a) => ({ arm: a, total: randomisedOf(a).value })).filter((x): x is { arm: string; total: number } => x.total !== null);
  const tryMean = (where: string, text: string | undefined, minDecimals: number, unit: number, arm: string | undefined, scale = 1) => {
    const shown = readNumber(text);
    if (shown === null || text === undefined) return;
    for (const { total } of randomisedTotals.filter((x) => arm === undefined || x.arm === arm)) {
      const fits = invertMean(shown / scale, Math.max(decimalsOf(text), minDecimals) + Math.round(Math.log10(scale)), unit, total);
      if (fits.length > 0) attack.found.push(`${where}: the mean ${text} fits only n = ${fits.join(" or ")} of ${total} randomised in ${arm}: ${fits.map((n) => total - n).join(" or ")} not counted`);
    }
  };
  const firstContrast = firstContrastOf(effects);
  for (const [i, r] of rowsOf(files, "repayment_lines").entries()) {
    const basis = basisOf(r);
    for (const [side, nKey, meanKey] of [[0, "n_treated", "mean_treated"], [1, "n_control", "mean_control"]] as const) {
      if (basis[nKey] !== undefined && readNumber(basis[nKey]) === null) tryMean(`repayment_lines.csv line ${i + 2} ${meanKey}`, basis[meanKey], 1, unitOf(r.item), firstContrast[side]);
    }
  }
  relativeMeanInversions(attack, effects, randomisedTotals, unitOf);
  for (const [i, r] of rowsOf(files, "kpis").entries()) {
    if (readNumber(r.persons) === null && r.persons !== undefined) tryMean(`kpis.csv line ${i + 2} share`, r.share, 3, 1, r.arm || undefined);
  }
  for (const s of sentences) {
    const row = differenceRow(effects, s.outcome, s.contrast);
    if (!row || (readNumber(row.n_treated) !== null && readNumber(row.n_control) !== null)) continue;
    // The sentence names the treated arm's mean first, then the control arm's.
    const numbers = [...s.text.matchAll(/-?\d+(?:[.,]\d+)?( %)?/g)].slice(0, 2);
    const contrastArms = (s.contrast ?? row.contrast ?? "").split(" vs ");
    numbers.forEach((m, side) => {
      if (readNumber(side === 0 ? row.n_treated : row.n_control) === null) tryMean(`${s.where} ${s.outcome}`, m[0].replace(" %", ""), 1, m[1] ? 1 : unitOf(s.outcome), contrastArms[side], m[1] ? 100 : 1);
    });
  }
}

/** estimate ÷ relative = the control arm's mean: at the printed precision of both, the interval of its true values fits only some n. */
function relativeMeanInversions(attack: Attack, effects: readonly Row[], randomisedTotals: readonly { arm: string; total: number }[], unitOf: (outcome: string | undefined) => number): void {
  for (const [i, r] of effects.entries()) {
    const estimate = readNumber(r.estimate);
    const relative = readNumber(r.relative);
    if (estimate === null || relative === null || relative === 0 || (readNumber(r.n_treated) !== null && readNumber(r.n_control) !== null)) continue;
    const [de, dr] = [Math.max(decimalsOf(r.estimate!), 3), Math.max(decimalsOf(r.relative!), 3)];
    const corners = [-1, 1].flatMap((a) => [-1, 1].map((b) => (estimate + a * 0.5 * 10 ** -de) / (relative + b * 0.5 * 10 ** -dr)));
    const [low, high] = [Math.min(...corners), Math.max(...corners)];
    const [treatedArm, controlArm] = (r.contrast ?? "").split(" vs ");
    // Only an arm whose n is hidden: a mean over a shown n gives no count back.
    const means = [{ arm: controlArm, low, high, n: r.n_control }, { arm: treatedArm, low: low + estimate - 0.5 * 10 ** -de, high: high + estimate + 0.5 * 10 ** -de, n: r.n_treated }].filter((m) => readNumber(m.n) === null);
    for (const { arm, total, low, high } of means.flatMap((m) => randomisedTotals.filter((x) => x.arm === m.arm).map((x) => ({ ...x, low: m.low, high: m.high })))) {
      const unit = unitOf(r.outcome);
      const fits: number[] = [];
      for (let n = Math.max(1, total - 4); n <= total; n++) if (Math.ceil((low * n) / unit - 1e-9) <= Math.floor((high * n) / unit + 1e-9)) fits.push(n);
      if (fits.length > 0 && fits.every((n) => SMALL(total - n))) attack.found.push(`effects.csv line ${i + 2}: ${r.outcome} (${r.estimator}) estimate ÷ relative is a mean that fits only n = ${fits.join(" or ")} of ${total} randomised in ${arm}`);
    }
  }
}

/** A KPI threshold taken from the control arm's Kaplan–Meier value that the survival table hides. */
function kpiThresholds(attack: Attack, files: ReportFiles, effects: readonly Row[]): void {
  const survival = rowsOf(files, "survival");
  const firstContrast = firstContrastOf(effects);
  for (const [i, r] of rowsOf(files, "kpis").entries()) {
    const against = attack.knowledge.kpisAgainstControl?.get(r.kpi ?? "");
    const threshold = readNumber(r.threshold);
    if (!against || threshold === null) continue;
    // The control arm is the second of the trial's contrast (the effects table's "treatment vs control").
    const hidden = survival.filter((p) => p.outcome === against.outcome && (firstContrast[1] === undefined || p.arm === firstContrast[1]) && readNumber(p.time) === against.atDays && readNumber(p.survival) === null && p.survival !== "");
    if (hidden.length > 0) attack.found.push(`kpis.csv line ${i + 2}: the threshold ${r.threshold} of ${r.kpi} is 1 − the Kaplan–Meier share the survival table hides (${hidden.map((p) => p.arm).join(", ")} at day ${against.atDays})`);
  }
}

/** The changes section must not show an estimate that the effects table (this run's, or the previous run's) hides. */
function changesShown(attack: Attack, files: ReportFiles, previous: ReportFiles | null): void {
  const estimateWords = ["estimate", texts("da")("estimate"), texts("en")("estimate")];
  // A row names the estimator it shows (its estimator column); without one, the difference in means.
  const shownEstimates = (f: ReportFiles, estimator: string) => new Set(rowsOf(f, "effects").filter((r) => r.estimator === estimator).map((r) => readNumber(r.estimate)).filter((v): v is number => v !== null));
  for (const [i, r] of rowsOf(files, "changes").entries()) {
    if (!estimateWords.some((w) => r.figure!.startsWith(`${w}:`))) continue;
    const current = shownEstimates(files, r.estimator || "difference_in_means");
    const before = previous ? shownEstimates(previous, r.estimator || "difference_in_means") : null;
    const now = readNumber(r.current);
    const then = readNumber(r.previous);
    if (now !== null && !current.has(now)) attack.found.push(`changes.csv line ${i + 2}: ${r.figure} shows ${now}, which this run's effects table hides`);
    if (then !== null && before && !before.has(then)) attack.found.push(`changes.csv line ${i + 2}: ${r.figure} shows ${then} for the previous run, whose effects table hides it`);
  }
}
