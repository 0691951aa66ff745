/**
 * The monitoring plan (the spec's `monitoring`, locked with the analysis plan) and what stage 3b
 * writes: monitoring.json, and the look log beside the spec (src/monitor/lookLog.ts).
 */
import { z } from "zod";
import type { Spending } from "../stats/sequential/spending/index.ts";

export const SpendingChoice = z
  .union([
    z.enum(["obf", "pocock"]),
    z.strictObject({ hsd: z.number().min(-10).max(5).describe("Hwang–Shih–DeCani γ: −4 is close to O'Brien–Fleming, 1 to Pocock") }),
    z.strictObject({
      table: z
        .array(z.strictObject({ information: z.number().gt(0).lt(1), share: z.number().min(0).max(1).describe("cumulative share of α spent by this information fraction") }))
        .min(1)
        .refine((rows) => rows.every((row, i) => i === 0 || (row.information > rows[i - 1]!.information && row.share >= rows[i - 1]!.share)), "information must increase and share must not fall"),
    }),
  ])
  .describe("α-spending: obf (Lan–DeMets O'Brien–Fleming-type, default), pocock (Pocock-type), { hsd: γ }, or { table: [{ information, share }] }");
export type SpendingChoice = z.infer<typeof SpendingChoice>;

export const MonitoringPlan = z
  .strictObject({
    alpha: z.number().gt(0).lt(0.5).default(0.05).describe("The overall α of the whole sequence of looks (default 0.05), two-sided unless sides is 1."),
    maximumInformation: z.number().int().positive().describe("Persons with complete follow-up on the primary outcome at the planned final analysis (from the design or the contract)."),
    spending: SpendingChoice.default("obf"),
    log: z.string().optional().describe("The hash-chained look log, relative to the spec (default <name>.look-log.csv beside it)."),
    sides: z.union([z.literal(1), z.literal(2)]).optional().describe("2 (default): alpha is two-sided; 1: alpha is one-sided, on the side the primary outcome's direction calls better."),
    futility: z
      .strictObject({
        beta: z.number().gt(0).lt(0.5).describe("1 − the power the design is planned for (0.2 for 80 %)."),
        spending: SpendingChoice.default("obf").describe("β-spending: obf, pocock, { hsd: γ } or a table, as alpha's"),
        looks: z
          .union([z.number().int().min(2).max(20), z.array(z.number().gt(0).max(1)).min(2)])
          .describe("The planned looks, their number (equally spaced) or their information fractions ending at 1: they fix the drift the β is spent at (rpact typeBetaSpending)."),
      })
      .optional()
      .describe("Non-binding futility bounds by β-spending (one-sided plans only): a look below its bound could stop for futility; the efficacy boundaries ignore it."),
  })
  .superRefine((plan, ctx) => {
    if (plan.futility && plan.sides !== 1) ctx.addIssue({ code: "custom", path: ["futility"], message: "futility bounds (β-spending) are for one-sided plans: add \"sides\": 1 with alpha one-sided (e.g. 0.025)" });
    const looks = plan.futility?.looks;
    if (Array.isArray(looks) && (looks.at(-1) !== 1 || looks.some((t, i) => i > 0 && t <= looks[i - 1]!))) ctx.addIssue({ code: "custom", path: ["futility", "looks"], message: "the planned information fractions must increase and end at 1" });
  })
  .describe("Group-sequential monitoring of the primary outcome: each run is a look, its boundary from α-spending on the information fraction.");
export type MonitoringPlan = z.infer<typeof MonitoringPlan>;

/** The spending function a plan names. */
export function spendingOf(choice: SpendingChoice): Spending {
  if (choice === "obf") return { kind: "obf" };
  if (choice === "pocock") return { kind: "pocock" };
  if ("hsd" in choice) return { kind: "hsd", gamma: choice.hsd };
  return { kind: "table", fractions: choice.table.map((row) => row.information), shares: choice.table.map((row) => row.share) };
}

const Num = z.number().nullable();

/** One line of the look log: a look as it was taken. */
export const LookRecord = z.object({
  look: z.number().int().positive(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  information: z.number().int().min(0).describe("persons with complete follow-up on the primary outcome"),
  fraction: z.number().positive(),
  alphaSpent: z.number().min(0).max(1).describe("cumulative, by this look"),
  boundary: z.number().positive().describe("|z| to cross (Infinity: this look may spend nothing)"),
  nominalP: z.number().min(0).max(1).describe("the two-sided p an effect must be below to cross"),
  estimate: z.number(),
  z: z.number(),
  p: z.number().min(0).max(1),
  crossed: z.boolean(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LookRecord = z.infer<typeof LookRecord>;

/** What the run's look says, in codes for the report's words. */
export const LookVerdict = z.enum(["crossed", "not_yet", "final_not_crossed", "crossed_earlier", "no_information", "no_new_information"]);
export type LookVerdict = z.infer<typeof LookVerdict>;

export const MonitoringArtefact = z.object({
  artefact: z.literal("monitoring"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  outcome: z.string(),
  contrast: z.string().nullable(),
  estimator: z.string(),
  alpha: z.number(),
  sides: z.literal(1).optional().describe("1: alpha is one-sided (absent: two-sided)"),
  spending: z.string().describe("the spending function in words"),
  maximumInformation: z.number().int(),
  asOf: z.string(),
  verdict: LookVerdict,
  /** This run's look (null: no look — no information yet, or none new since the last look). */
  look: z
    .object({
      look: z.number().int().positive(),
      recorded: z.enum(["new", "as_recorded", "not_recorded"]).describe("new: appended to the log; as_recorded: the log's look at this date; not_recorded: a run before the log's last look"),
      information: z.number().int(),
      fraction: z.number(),
      alphaSpent: z.number(),
      boundary: z.number().nullable().describe("null: this look may spend nothing (∞)"),
      nominalP: z.number(),
      estimate: Num,
      stdError: Num,
      z: Num,
      p: Num,
      crossed: z.boolean(),
      rciLow: Num,
      rciHigh: Num,
      adjustedP: Num.describe("stage-wise ordering; at the look that ends the monitoring (crossed or final)"),
      futilityBound: Num.optional().describe("with a futility plan, before the final look: z below which the look could stop for futility (non-binding)"),
      futilityCrossed: z.boolean().optional().describe("z is below the futility bound: the evaluation could stop for futility; the bound is non-binding"),
    })
    .nullable(),
  looks: z.array(LookRecord.omit({ sha256: true }).extend({ boundary: z.number().nullable() })).describe("every look recorded up to this run's as-of date"),
  logChainHead: z.string().nullable(),
});
export type MonitoringArtefact = z.infer<typeof MonitoringArtefact>;
