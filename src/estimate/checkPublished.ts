/**
 * Recomputes a published p-value from the summary figures printed beside it, and says
 * whether it matches within the rounding of what was printed.
 *
 * Proportions (two shares in %): with group sizes, every count whose share rounds to
 * the printed one is tried, under Pearson's χ² without and with Yates' correction and
 * Fisher's exact test; a test reproduces the p-value when one of those counts gives a p
 * that rounds to the printed one. Without group sizes, every pair of sizes from 10 to
 * 1,500 per arm that a 1:1 design could give (the arms within 20 % of each other) is
 * tried under the χ² tests, and the sizes that reproduce it are reported — for
 * several figures from the same sample, only sizes that reproduce all of them.
 * Means: with SDs and sizes, Welch's t; without SDs the p-value cannot be recomputed,
 * and the SD that would give it (equal in both arms, at the sizes found) is reported.
 */
import { chiSquaredUpperTail, studentTTwoSidedP } from "../stats/distributions.ts";
import { fisherExactTest } from "../stats/fisherExactTest.ts";
import { z } from "zod";

export const PublishedNumber = z.string().regex(/^-?\d+([.,]\d+)?$/, "a number as printed, e.g. \"5,5\" or \"0.034\"");

export const PublishedFigure = z.discriminatedUnion("kind", [
  z.strictObject({
    id: z.string(),
    label: z.string().optional(),
    kind: z.literal("proportions"),
    treatment: PublishedNumber.describe("Share in per cent, as printed"),
    control: PublishedNumber,
    p: PublishedNumber,
    n: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional().describe("[treatment, control] group sizes, when published"),
    quote: z.string().optional(),
  }),
  z.strictObject({
    id: z.string(),
    label: z.string().optional(),
    kind: z.literal("means"),
    treatment: PublishedNumber,
    control: PublishedNumber,
    p: PublishedNumber,
    sd: z.tuple([PublishedNumber, PublishedNumber]).optional(),
    n: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
    quote: z.string().optional(),
  }),
]);
export type PublishedFigure = z.infer<typeof PublishedFigure>;

export const PublishedFile = z.strictObject({
  title: z.string().optional(),
  source: z.string(),
  sameSample: z.boolean().default(false).describe("All figures come from the same two groups: sizes must fit every one."),
  design: z.string().optional(),
  figures: z.array(PublishedFigure).min(1),
});
export type PublishedFile = z.infer<typeof PublishedFile>;

export type ShareTest = "pearson_chi_square" | "yates_chi_square" | "fisher_exact";

export interface CheckResult {
  readonly id: string;
  readonly label: string;
  /** reproduced: from the published sizes; consistent: by some group sizes (listed), none being published. */
  readonly verdict: "reproduced" | "consistent" | "not_reproduced" | "cannot_recompute";
  readonly detail: string;
  /** Tests that reproduce it, when any. */
  readonly tests: ShareTest[];
  /** Group sizes [treatment, control] that reproduce it (proportions, sizes not published). */
  readonly sizes: { readonly count: number; readonly totalMin: number | null; readonly totalMax: number | null; readonly equalArms: number[]; readonly examples: [number, number][] } | null;
}

export interface CheckReport {
  readonly results: CheckResult[];
  /** For figures from one sample: whether one pair of group sizes reproduces them all. */
  readonly sameSample: string | null;
}

/** A printed number: its value and half a unit of its last printed decimal. */
export function printed(text: string): { value: number; halfUnit: number } {
  const normalised = text.replace(",", ".");
  const decimals = normalised.includes(".") ? normalised.split(".")[1]!.length : 0;
  return { value: Number(normalised), halfUnit: 0.5 * 10 ** -decimals };
}

const SEARCH_MIN = 10;
const SEARCH_MAX = 1500;
const RATIO_SLACK = 0.2;

function pearson(a: number, b: number, c: number, d: number, yates: boolean): number {
  const n = a + b + c + d;
  const r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c2 === 0) return NaN;
  let diff = Math.abs(a * d - b * c);
  if (yates) diff = Math.max(0, diff - n / 2);
  return chiSquaredUpperTail((n * diff * diff) / (r1 * r2 * c1 * c2), 1);
}

/** Counts x with round(100·x/n, decimals) equal to the printed share. */
function countsFor(share: { value: number; halfUnit: number }, n: number): number[] {
  const low = Math.max(0, Math.ceil(((share.value - share.halfUnit) / 100) * n - 1e-9));
  const high = Math.min(n, Math.floor(((share.value + share.halfUnit) / 100) * n + 1e-9));
  const out: number[] = [];
  for (let x = low; x <= high; x += 1) out.push(x);
  return out;
}

/** The tests under which sizes (nt, nc) reproduce a proportions figure. */
function reproducingTests(figure: Extract<PublishedFigure, { kind: "proportions" }>, nt: number, nc: number, withFisher: boolean): ShareTest[] {
  const t = printed(figure.treatment);
  const c = printed(figure.control);
  const p = printed(figure.p);
  const found = new Set<ShareTest>();
  for (const a of countsFor(t, nt)) {
    for (const cc of countsFor(c, nc)) {
      const matches = (value: number) => Math.abs(value - p.value) <= p.halfUnit + 1e-12;
      if (matches(pearson(a, nt - a, cc, nc - cc, false))) found.add("pearson_chi_square");
      if (matches(pearson(a, nt - a, cc, nc - cc, true))) found.add("yates_chi_square");
      if (withFisher && matches(fisherExactTest(a, nt - a, cc, nc - cc).p)) found.add("fisher_exact");
    }
  }
  return [...found];
}

/** Every (nt, nc) in the 1:1 search range that reproduces the figure under a χ² test. */
export function reproducingSizes(figure: Extract<PublishedFigure, { kind: "proportions" }>): Set<string> {
  const sizes = new Set<string>();
  for (let nt = SEARCH_MIN; nt <= SEARCH_MAX; nt += 1) {
    const low = Math.max(SEARCH_MIN, Math.ceil(nt * (1 - RATIO_SLACK)));
    const high = Math.min(SEARCH_MAX, Math.floor(nt / (1 - RATIO_SLACK)));
    for (let nc = low; nc <= high; nc += 1) if (reproducingTests(figure, nt, nc, false).length > 0) sizes.add(`${nt},${nc}`);
  }
  return sizes;
}

function summariseSizes(sizes: Set<string>) {
  const pairs = [...sizes].map((s) => s.split(",").map(Number) as [number, number]);
  const totals = pairs.map(([a, b]) => a + b);
  return {
    count: pairs.length,
    totalMin: totals.length ? Math.min(...totals) : null,
    totalMax: totals.length ? Math.max(...totals) : null,
    equalArms: pairs.filter(([a, b]) => a === b).map(([a]) => a),
    examples: pairs.slice(0, 5),
  };
}

/** The SD (equal in both arms) at which Welch's p for these means and sizes equals p. */
export function impliedSd(difference: number, nt: number, nc: number, p: number): number {
  let low = 1e-9;
  let high = 1e9;
  for (let i = 0; i < 200; i += 1) {
    const sd = Math.sqrt(low * high);
    const se = sd * Math.sqrt(1 / nt + 1 / nc);
    const df = (1 / nt + 1 / nc) ** 2 / (1 / (nt * nt * (nt - 1)) + 1 / (nc * nc * (nc - 1)));
    if (studentTTwoSidedP(difference / se, df) < p) low = sd;
    else high = sd;
  }
  return Math.sqrt(low * high);
}

export function checkPublished(file: PublishedFile): CheckReport {
  const proportions = file.figures.filter((f): f is Extract<PublishedFigure, { kind: "proportions" }> => f.kind === "proportions");
  const searched = new Map(proportions.filter((f) => !f.n).map((f) => [f.id, reproducingSizes(f)]));
  const shared = file.sameSample && searched.size > 1 ? [...searched.values()].reduce((a, b) => new Set([...a].filter((x) => b.has(x)))) : null;
  // Sizes to try for means without published sizes: the shared ones, else those of the first proportion figure.
  const candidateSizes = shared && shared.size > 0 ? shared : file.sameSample ? ([...searched.values()][0] ?? new Set<string>()) : new Set<string>();
  const sameSample =
    shared === null
      ? null
      : shared.size > 0
        ? `${shared.size} pairs of group sizes reproduce every proportion figure at once (${summariseSizes(shared).examples.map(([a, b]) => `${a} vs ${b}`).join(", ")} …)`
        : "no single pair of group sizes reproduces all the proportion figures as χ² tests on the same two groups: the published p-values were probably computed otherwise (e.g. a regression with covariates, or on other group sizes)";

  const results = file.figures.map((figure): CheckResult => {
    const label = figure.label ?? figure.id;
    if (figure.kind === "proportions") {
      if (figure.n) {
        const tests = reproducingTests(figure, figure.n[0], figure.n[1], true);
        return {
          id: figure.id,
          label,
          verdict: tests.length > 0 ? "reproduced" : "not_reproduced",
          detail: tests.length > 0 ? `p = ${figure.p} follows from ${figure.treatment} % of ${figure.n[0]} vs ${figure.control} % of ${figure.n[1]} under ${tests.join(", ")}` : `no count consistent with the printed shares gives p = ${figure.p} under Pearson χ², Yates χ² or Fisher's exact test`,
          tests,
          sizes: null,
        };
      }
      const sizes = searched.get(figure.id)!;
      const summary = summariseSizes(sizes);
      const tests = new Set<ShareTest>();
      for (const pair of sizes) {
        const [nt, nc] = pair.split(",").map(Number) as [number, number];
        for (const t of reproducingTests(figure, nt, nc, false)) tests.add(t);
      }
      return {
        id: figure.id,
        label,
        verdict: summary.count > 0 ? "consistent" : "not_reproduced",
        detail:
          summary.count > 0
            ? `group sizes are not published; ${summary.count} pairs of sizes give p = ${figure.p} under ${[...tests].join(" or ")} ` +
              `(total ${summary.totalMin}–${summary.totalMax}${summary.equalArms.length > 0 ? `; equal arms of ${rangeText(summary.equalArms)}` : "; never two equal arms"}; e.g. ${summary.examples.map(([a, b]) => `${a} vs ${b}`).join(", ")})`
            : `no pair of group sizes from ${SEARCH_MIN} to ${SEARCH_MAX} per arm (within 20 % of each other) gives p = ${figure.p} from these shares under a χ² test`,
        tests: [...tests],
        sizes: summary,
      };
    }
    const difference = printed(figure.treatment).value - printed(figure.control).value;
    if (figure.sd && figure.n) {
      const [st, sc] = figure.sd.map((s) => printed(s).value) as [number, number];
      const [nt, nc] = figure.n;
      const vt = (st * st) / nt;
      const vc = (sc * sc) / nc;
      const df = (vt + vc) ** 2 / ((vt * vt) / (nt - 1) + (vc * vc) / (nc - 1));
      const p = studentTTwoSidedP(difference / Math.sqrt(vt + vc), df);
      const target = printed(figure.p);
      const ok = Math.abs(p - target.value) <= target.halfUnit;
      return { id: figure.id, label, verdict: ok ? "reproduced" : "not_reproduced", detail: `Welch's t gives p = ${p.toPrecision(4)} against the printed ${figure.p}`, tests: [], sizes: null };
    }
    const sizes = figure.n ? [figure.n] : [...candidateSizes].map((s) => s.split(",").map(Number) as [number, number]);
    const example = sizes.length > 0 ? sizes[Math.floor(sizes.length / 2)]! : null;
    const implied = example ? impliedSd(Math.abs(difference), example[0], example[1], printed(figure.p).value) : null;
    return {
      id: figure.id,
      label,
      verdict: "cannot_recompute",
      detail:
        `the standard deviations are not published, so p = ${figure.p} cannot be recomputed from the means` +
        (implied !== null && example ? `; with ${example[0]} and ${example[1]} persons it implies an SD of about ${implied.toPrecision(3)} in both arms (Welch's t)` : ""),
      tests: [],
      sizes: null,
    };
  });
  return { results, sameSample };
}

function rangeText(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0]!;
  let previous = start;
  for (const v of [...sorted.slice(1), NaN]) {
    if (v === previous + 1) {
      previous = v;
      continue;
    }
    runs.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = v;
    previous = v;
  }
  return runs.join(", ");
}

