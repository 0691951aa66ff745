/**
 * A note a stage writes into an artefact: a code and its parameters, never a sentence. The words for every code
 * live in src/report/words/{da,en}.ts, typed over NoteCode, so a new code without Danish and English words does
 * not compile. Parameters are numbers, or ids the report names in words (an arm id); never data from a person.
 */
import { z } from "zod";

const none = z.strictObject({});
const count = z.number();

/** Every note code and the parameters it carries. */
export const NOTE_PARAMS = {
  // Why an estimate has no numbers (src/estimate).
  too_few_per_arm: none,
  too_few_observed_per_arm: z.strictObject({ treated: count, control: count }),
  too_few_per_stratum: none,
  outcome_constant_in_arms: none,
  outcome_constant_in_blocks: none,
  outcome_constant: none,
  no_events_in_arm_risk: none,
  no_events_in_arm_rate: none,
  everyone_has_outcome_risk_ratio: none,
  counts_not_whole: none,
  fitted_rates_reach_zero: none,
  separation: none,
  near_separation: none,
  chi_square_undefined: none,
  collinear_treatment: none,
  perfect_fit: none,
  near_perfect_fit: z.strictObject({ oneMinusRSquared: count }),
  too_few_for_model: z.strictObject({ persons: count, coefficients: count }),
  leverage_one: none,
  needs_both_arms: none,
  block_lacks_arm: none,
  cluster_mixed_arms: none,
  too_few_clusters: none,
  block_needs_two_clusters: none,
  too_few_blocks_or_clusters: none,
  no_instrument: none,
  no_events_yet: none,
  no_finite_maximum: none,
  // What to keep in mind about an estimate that has numbers.
  risk_ratio_log_scale: none,
  odds_ratio_log_scale: none,
  rate_ratio_log_scale: none,
  rate_ratio_offset_log_scale: none,
  not_converged: z.strictObject({ steps: count }),
  expected_count_below_5: z.strictObject({ expected: count }),
  covariate_missing_left_out: z.strictObject({ persons: count }),
  outcome_missing_left_out: z.strictObject({ treated: count, control: count }),
  clusters_rerandomised: none,
  interval_ignores_clusters: none,
  cluster_vcovcl: z.strictObject({ clusters: count }),
  cluster_dfbeta: z.strictObject({ clusters: count }),
  cluster_cr2: z.strictObject({ clusters: count }),
  cluster_cr1: z.strictObject({ df: count }),
  cluster_cr0: z.strictObject({ df: count }),
  fixed_effects_absorbed: z.strictObject({ blocks: count }),
  blocks_clusters_pairs: z.strictObject({ df: count }),
  blocks_clusters_cr2: z.strictObject({ df: count }),
  cace_received: z.strictObject({ receivedTreated: count, receivedControl: count }),
  cace_first_stage_exact: none,
  weak_instrument: z.strictObject({ f: count }),
  logrank_events: z.strictObject({ observed: count, expected: count, arm: z.string() }),
  rmst_tau_shorter_follow_up: none,
  joint_wald_hc2: z.strictObject({ df1: count, df2: count }),
  joint_logrank: z.strictObject({ df: count }),
  // Subgroup interaction tests.
  one_subgroup_level: none,
  interactions_collinear: none,
  interactions_dropped: z.strictObject({ dropped: count }),
  interaction_covariance_singular: none,
  // Caps a repayment period met (src/repay).
  cap_per_period: z.strictObject({ kr: count }),
  cap_total: z.strictObject({ kr: count }),
  cap_return_ceiling: z.strictObject({ multiple: count }),
  cap_saving_limit: z.strictObject({ kr: count }),
  floor_return: z.strictObject({ multiple: count, topUpKr: count }),
  // What a portfolio check recomputes (src/repay/portfolio.ts): a row is named as the portfolio file names it.
  portfolio_capital_on_page: z.strictObject({ row: z.string(), line: count.nullable(), capitalLine: count }),
  portfolio_net: z.strictObject({ row: z.string(), line: count.nullable() }),
  portfolio_contract_capital: z.strictObject({ row: z.string() }),
  portfolio_contract_ledger: z.strictObject({ row: z.string() }),
  portfolio_total: z.strictObject({ column: z.enum(["investment", "decentralRepayment", "decentralSavings", "netSavings"]), line: count.nullable() }),
  portfolio_yearly_net_text: z.strictObject({ line: count, years: count, below: count }),
  portfolio_yearly_net_rows: z.strictObject({ line: count, years: count, below: count }),
  // Why a portfolio check differs, or what it rests on.
  portfolio_table_against_page: z.strictObject({ published: count, unit: z.string(), printed: z.string(), kr: count }),
  portfolio_contract_states_capital: z.strictObject({ kr: count }),
  ledger_illustrative: none,
  ledger_typed_in: none,
  ledger_illustrative_and_typed_in: none,
  portfolio_total_not_sum: z.strictObject({ sum: count, unit: z.string() }),
  portfolio_yearly_arithmetic: z.strictObject({ savings: count, repayment: count, years: count, yearly: count, unit: z.string() }),
  portfolio_rows_yearly: z.strictObject({ yearly: count, unit: z.string() }),
} as const satisfies Record<string, z.ZodType<Record<string, number | string | null>>>;

export type NoteCode = keyof typeof NOTE_PARAMS;
export type NoteParams = { [C in NoteCode]: z.infer<(typeof NOTE_PARAMS)[C]> };
export type Note = { [C in NoteCode]: { readonly code: C; readonly params: NoteParams[C] } }[NoteCode];

export const NOTE_CODES = Object.keys(NOTE_PARAMS) as [NoteCode, ...NoteCode[]];

/** A note: `note("not_converged", { steps: 25 })`, `note("perfect_fit")`. */
export function note<C extends NoteCode>(code: C, ...params: {} extends NoteParams[C] ? [] : [NoteParams[C]]): Note {
  return { code, params: (params[0] ?? {}) as NoteParams[C] } as Note;
}

/** The artefact schema of a note: its code, and the parameters that code carries. */
export const Note = z
  .object({ code: z.enum(NOTE_CODES), params: z.record(z.string(), z.union([z.number(), z.string(), z.null()])) })
  .superRefine((value, ctx) => {
    const parsed = NOTE_PARAMS[value.code].safeParse(value.params);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: ["params"], message: `the parameters of note ${value.code} do not match its code` });
  }) as unknown as z.ZodType<Note>;

/** A note as one machine-readable token for CSV files: `not_converged(steps=25)`. */
export function noteToken(value: Note): string {
  const params = Object.entries(value.params).map(([k, v]) => `${k}=${v}`);
  return params.length === 0 ? value.code : `${value.code}(${params.join(",")})`;
}
