/**
 * Assumption files (what a business case assumes, every number with its source) and
 * the projection they give (`projection.json`).
 */
import { z } from "zod";
import { Label } from "../shared/label.ts";

/** A number and where it comes from. */
export const Sourced = z.strictObject({
  value: z.number(),
  source: z.string().min(1).describe("Where the number comes from: a document and page, SØM, an estimate, or 'assumption: …'."),
});
export type Sourced = z.infer<typeof Sourced>;

export const SECTORS = ["kommune", "region", "stat"] as const;
export type Sector = (typeof SECTORS)[number];

export const Decay = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("constant") }),
  z.strictObject({ kind: z.literal("vector"), factors: z.array(z.number().min(0)).min(1).describe("Factor per year from year 1; 0 after the last.") }),
  z.strictObject({
    kind: z.literal("constant_then_geometric"),
    constantYears: z.number().int().min(0),
    annualDecayRate: z.number().min(0).max(1).describe("The level falls by this share of the remaining level each year after the constant years."),
  }),
  z.strictObject({
    kind: z.literal("step"),
    levels: z.array(z.strictObject({ fromYear: z.number().int().min(1), factor: z.number().min(0) })).min(1).describe("From each year on, the factor; before the first, 1."),
  }),
  z.strictObject({
    kind: z.literal("linear"),
    constantYears: z.number().int().min(0),
    annualDecrease: z.number().min(0).max(1).describe("The level falls by this share of the initial level each year after the constant years, down to 0."),
  }),
]);
export type Decay = z.infer<typeof Decay>;

export const EffectFromEstimate = z.strictObject({
  outcome: z.string(),
  estimator: z.string().default("difference_in_means"),
  contrast: z.string().optional().describe("Default: the first contrast in effects.json."),
  scale: Sourced.describe("Multiplies the estimate into the line's effect per person (per year): e.g. −12/26 turns '−19 days over 26 months' into '8.8 fewer days a year'."),
});

export const CostLine = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: Label,
  effect: z.union([Sourced, z.strictObject({ fromEffects: EffectFromEstimate })]).describe("The reduction per person per year (positive = less use, a saving)."),
  effectUnit: z.string().describe("e.g. 'days per person per year'"),
  unitPrice: Sourced.extend({ priceYear: z.number().int().optional() }),
  priceUnit: z.string().describe("e.g. 'kr per day'"),
  timing: z.enum(["per_year", "once"]).default("per_year").describe("per_year: the effect recurs each year (times the decay); once: it falls in year 1 only."),
  shares: z.strictObject({ kommune: Sourced, region: Sourced, stat: Sourced }).describe("Who saves: must sum to 1."),
  decay: Decay.default({ kind: "constant" }),
});
export type CostLine = z.infer<typeof CostLine>;

const Override = z.strictObject({ path: z.string().describe("Dot path into the assumptions, lines by id: lines.public_support.unitPrice.value"), value: z.unknown() });

export const Scenario = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: Label,
  description: z.string().optional(),
  overrides: z.array(Override).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export const PublishedFigure = z.strictObject({
  id: z.string(),
  label: Label,
  published: z.number(),
  unit: z.string(),
  printed: z.string().describe("The figure as printed, with its source."),
  scenario: z.string().default("base"),
  output: z.string().describe("What the tool reports for it: a dot path into the scenario's result, e.g. totals.kommune or roi.society.gross"),
  tolerance: z.number().min(0).default(0.005).describe("Relative difference accepted as reproduced (the printed rounding)."),
  comparison: z.enum(["equal", "at_most"]).default("equal").describe("at_most: a statement such as 'break-even within 5 years' holds when the tool's figure is at most the published one."),
  note: Label.optional().describe("Why the tool's figure differs, where it does."),
  nearest: z.array(z.strictObject({ scenario: z.string(), output: z.string().optional() })).default([]).describe("Derivations to try when it does not follow: scenarios that change one stated assumption."),
});
export type PublishedFigure = z.infer<typeof PublishedFigure>;

export const Assumptions = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    title: Label,
    source: z.string(),
    horizonYears: Sourced.refine((h) => h.value > 0 && h.value <= 100, { message: "the horizon must be more than 0 and at most 100 years", path: ["value"] }).describe(
      "May be fractional: 1.5 = a year and a half, the last year counted pro rata.",
    ),
    discountRate: z
      .union([Sourced.refine((r) => r.value >= 0 && r.value < 1, { message: "a discount rate is at least 0 and below 1", path: ["value"] }), z.literal("finansministeriet")])
      .default({ value: 0, source: "default: no discounting, as the published cases" }),
    priceYear: z.number().int().optional(),
    priceIndex: z.record(z.string(), z.number().positive()).default({}).describe("Year → index, to re-base unit prices given in another price year."),
    kommuneBudget: z
      .strictObject({ value: z.enum(["kommune_decentral", "kommune_central"]), source: z.string().min(1), illustrative: z.boolean().default(false) })
      .optional()
      .describe("Whose budget the kommune's saving falls on (the status's 'decentrale besparelser'); absent: the kommune's, not split, never shown as decentral"),
    illustrative: z.string().min(1).optional().describe("Why the case as a whole is illustrative (e.g. 002 line 702: no business case was computed); its savings are marked so"),
    cohort: z.strictObject({
      size: Sourced.refine((s) => s.value > 0 && s.value <= 1e9, { message: "a cohort has more than 0 and at most 1e9 persons", path: ["value"] }),
      newCohortEachYear: z.boolean().default(true),
    }),
    interventionCost: z.strictObject({
      perCohort: Sourced.optional().describe("Cost of one cohort (one year's intake), paid in year 1."),
      perPerson: Sourced.optional().describe("Cost per person, paid in year 1."),
      payer: z.enum(SECTORS).default("kommune"),
    }),
    lines: z.array(CostLine).min(1),
    scenarios: z.array(Scenario).default([]),
    sensitivity: z
      .array(
        z.strictObject({
          label: Label,
          path: z.union([z.string(), z.array(z.string()).min(1)]).describe("The dot path to move; several paths (e.g. every line an assumption names) all move to the same low and high value"),
          low: z.unknown(),
          high: z.unknown(),
          source: z.string(),
        }),
      )
      .default([]),
    published: z.array(PublishedFigure).default([]),
  })
  .superRefine((a, ctx) => {
    a.lines.forEach((line, i) => {
      const sum = line.shares.kommune.value + line.shares.region.value + line.shares.stat.value;
      if (Math.abs(sum - 1) > 1e-9) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "shares"], message: `line '${line.id}': sector shares sum to ${sum}, not 1` });
      }
      if ([line.shares.kommune, line.shares.region, line.shares.stat].some((s) => s.value < 0)) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "shares"], message: `line '${line.id}': a sector share is negative` });
      }
      if (line.unitPrice.priceYear !== undefined && a.priceYear !== undefined && line.unitPrice.priceYear !== a.priceYear) {
        for (const year of [line.unitPrice.priceYear, a.priceYear]) {
          if (a.priceIndex[String(year)] === undefined) {
            ctx.addIssue({ code: "custom", path: ["lines", i, "unitPrice", "priceYear"], message: `line '${line.id}': no price index for ${year} to re-base its price` });
          }
        }
      }
    });
    if (!a.interventionCost.perCohort && !a.interventionCost.perPerson) {
      ctx.addIssue({ code: "custom", path: ["interventionCost"], message: "give perCohort or perPerson" });
    }
    const ids = a.lines.map((l) => l.id);
    ids.forEach((id, i) => ids.indexOf(id) !== i && ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: `line id '${id}' is used twice` }));
    const scenarioIds = ["base", ...a.scenarios.map((s) => s.id)];
    a.published.forEach((p, i) => {
      for (const s of [p.scenario, ...p.nearest.map((n) => n.scenario)]) {
        if (!scenarioIds.includes(s)) ctx.addIssue({ code: "custom", path: ["published", i], message: `scenario '${s}' is not defined` });
      }
    });
  });
export type Assumptions = z.infer<typeof Assumptions>;

const YearSeries = z.array(z.number());
const SectorSeries = z.object({ kommune: YearSeries, region: YearSeries, stat: YearSeries, society: YearSeries });
const SectorNumbers = z.object({ kommune: z.number(), region: z.number(), stat: z.number(), society: z.number() });
const SectorNullable = z.object({ kommune: z.number().nullable(), region: z.number().nullable(), stat: z.number().nullable(), society: z.number().nullable() });

export const ScenarioResult = z.object({
  scenario: z.string(),
  label: Label,
  years: z.array(z.number()).describe("1, 2, …; the last may be a part-year"),
  yearWeights: z.array(z.number()),
  lines: z.array(
    z.object({
      id: z.string(),
      label: Label,
      effectPerPerson: z.number(),
      unitPriceKr: z.number(),
      decayFactors: z.array(z.number()),
      decayConvention: z.string(),
      savingsByYear: SectorSeries,
      total: SectorNumbers,
      interval: z.object({ low: z.number(), high: z.number(), from: z.string() }).nullable().describe("Society total at the ends of the effect's confidence interval"),
    }),
  ),
  savingsByYear: SectorSeries,
  totals: SectorNumbers,
  sectorShares: z.object({ kommune: z.number(), region: z.number(), stat: z.number() }).describe("Each sector's part of the society total"),
  interventionCostByYear: YearSeries,
  interventionCostTotal: z.number(),
  netByYear: SectorSeries.describe("Savings minus the intervention cost for the payer (and society)"),
  cumulativeNet: SectorSeries,
  breakEven: z.object({
    year: SectorNullable.describe("First year whose cumulative net is ≥ 0; null = not within the horizon"),
    month: SectorNullable.describe("The same in months, with savings accruing evenly within each year"),
    discounted: z.boolean(),
  }),
  roi: z.object({
    gross: SectorNumbers.describe("savings / cost"),
    net: SectorNumbers.describe("(savings − cost) / cost"),
  }),
  npv: SectorNumbers.describe("Discounted net over the horizon"),
  discountRate: z.number(),
  discountConvention: z.string(),
  steadyState: z
    .object({ annualSavings: SectorNumbers, annualCost: z.number(), annualNet: SectorNumbers, description: z.string() })
    .nullable(),
  investmentCeiling: z.object({ perPerson: z.number(), perCohort: z.number(), description: z.string() }),
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;

export const PublishedComparison = z.object({
  id: z.string(),
  label: Label,
  printed: z.string(),
  unit: z.string(),
  published: z.number(),
  reproduced: z.number().nullable(),
  difference: z.number().nullable(),
  relativeDifference: z.number().nullable(),
  verdict: z.enum(["reproduced", "differs"]),
  note: Label.nullable(),
  nearest: z.array(z.object({ scenario: z.string(), label: Label, description: z.string().nullable(), value: z.number().nullable(), relativeDifference: z.number().nullable() })),
});
export type PublishedComparison = z.infer<typeof PublishedComparison>;

export const CaseProjection = z.object({
  name: z.string(),
  title: Label,
  source: z.string(),
  notProjected: z.string().nullable().describe("Why this case could not be projected (e.g. an effect it needs is not estimable yet)."),
  basis: z
    .object({
      cohortSize: z.number(),
      newCohortEachYear: z.boolean(),
      horizonYears: z.number(),
      kommuneBudget: z.enum(["kommune_decentral", "kommune_central"]).nullable(),
      illustrative: z.boolean(),
    })
    .nullable()
    .default(null)
    .describe("What the case's amounts cover: one cohort (of cohortSize persons; one a year when newCohortEachYear) over horizonYears, on whose kommune budget, illustrative or not"),
  scenarios: z.array(ScenarioResult),
  sensitivity: z.array(z.object({ label: Label, path: z.union([z.string(), z.array(z.string())]), source: z.string(), low: z.unknown(), high: z.unknown(), societyNet: z.object({ low: z.number(), base: z.number(), high: z.number() }), kommuneNet: z.object({ low: z.number(), base: z.number(), high: z.number() }) })),
  published: z.array(PublishedComparison),
});
export type CaseProjection = z.infer<typeof CaseProjection>;

export const ProjectionArtefact = z.object({
  artefact: z.literal("projection"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  cases: z.array(CaseProjection),
});
export type ProjectionArtefact = z.infer<typeof ProjectionArtefact>;
