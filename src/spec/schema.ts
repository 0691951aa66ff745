/**
 * The evaluation spec: one JSON file that names the extracts and how to read them,
 * the enrolment window, the outcomes and covariates, and the assumption and contract
 * files later stages read. Unknown keys are errors (strict objects), so a typo is
 * named by its JSON path instead of being ignored.
 */
import { MonitoringPlan } from "../monitor/schema.ts";
import { z } from "zod";
import { Label } from "../shared/label.ts";
import { DATE_FORMATS, MONTH_FORMATS, WEEK_FORMATS, parseDate } from "../ingest/parseValue.ts";
import { CONTACT_TYPES, EXTRACT_KIND_NAMES, fieldsOf } from "../ingest/extractKinds.ts";
import { clusterSeIssues } from "./clusterColumns.ts";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as yyyy-mm-dd").refine((text) => parseDate(text, "iso") !== null, "a calendar date as yyyy-mm-dd");
/** A coverage end: a day (yyyy-mm-dd) or a whole month (yyyy-mm: its first day as `from`, its last as `to`). */
const CoverageDate = z.string().refine((text) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text) || parseDate(text, "iso") !== null, "a date as yyyy-mm-dd or a month as yyyy-mm");
export function coverageDay(text: string, side: "from" | "to"): number {
  if (/^\d{4}-\d{2}$/.test(text)) {
    const [year, month] = text.split("-").map(Number) as [number, number];
    return side === "from" ? parseDate(`${text}-01`, "iso")! : parseDate(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, "0")}-01`, "iso")! - 1;
  }
  return parseDate(text, "iso") ?? Number.NaN;
}
const Identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _ , starting with a letter");

export const Dialect = z
  .strictObject({
    delimiter: z.enum([",", ";", "\t"]).optional().describe("Field delimiter; detected from the header line when absent."),
    encoding: z
      .enum(["utf-8", "windows-1252", "utf-16le", "utf-16be"])
      .optional()
      .describe("Text encoding; a BOM or valid UTF-8 means utf-8, a UTF-16 BOM (Excel's Unicode text) utf-16le or utf-16be, otherwise windows-1252, when absent."),
    decimal: z.enum([",", "."]).optional().describe("Decimal separator; ',' when the delimiter is ';', else '.', when absent."),
  })
  .describe("How the file is written. Anything left out is detected and reported in the ingest artefact.");

export const ColumnMapping = z.union([
  z.string().describe("The source column's name."),
  z.strictObject({
    column: z.string().describe("The source column's name."),
    values: z
      .record(z.string(), z.string())
      .optional()
      .describe("Source value → canonical value, for category fields (e.g. {\"K\": \"female\", \"M\": \"male\"})."),
  }),
]);

export const Extract = z
  .strictObject({
    kind: z.enum(EXTRACT_KIND_NAMES),
    title: Label.optional().describe("The extract in words, {da, en}, as the report names it; without it the report names the extract by its kind (\"Domme\" / \"Convictions\"), never by its id"),
    file: z.string().describe("Path, relative to the spec file."),
    required: z.boolean().default(true).describe("A required extract that is missing stops the run."),
    dialect: Dialect.default({}),
    dateFormat: z
      .enum(DATE_FORMATS)
      .optional()
      .describe("How date cells are written; when absent, detected per column from all its values (an ambiguous column must be declared)."),
    monthFormat: z.enum(MONTH_FORMATS).default("yyyy-mm"),
    weekFormat: z.enum(WEEK_FORMATS).default("iso").describe("For benefit_weeks_long: iso (2022-W05) or DREAM's yyww (2205)."),
    weekColumnPattern: z
      .string()
      .default("^y_(\\d{4})$")
      .describe("For benefit_weeks_wide: a regular expression whose first group is the week in yyww (DREAM's y_2205)."),
    columns: z.record(z.string(), ColumnMapping).default({}).describe("Canonical field → source column."),
    sheet: z.string().min(1).optional().describe("For an .xlsx workbook: the sheet to read (default: the first)."),
    coverage: z
      .strictObject({ from: CoverageDate.optional().describe("Absent: no first day is known (windows are not censored at the start)."), to: CoverageDate })
      .optional()
      .describe("The period the extract covers (yyyy-mm-dd, or yyyy-mm for whole months); inferred from the first and last period with any row when absent. Windows running outside it are censored:extract_coverage."),
    allowEmpty: z.boolean().default(false).describe("An extract with no data rows stops the run unless this is true (then `coverage` must be declared)."),
    onRejectedRow: z
      .enum(["incomplete", "ignore"])
      .default("incomplete")
      .describe("incomplete: a window holding a rejected row of this extract is incomplete (no value); ignore: rejected rows are taken as absent (the report says so)."),
    bounds: z
      .record(z.string(), z.strictObject({ min: z.union([z.number(), z.string()]).optional(), max: z.union([z.number(), z.string()]).optional() }))
      .default({})
      .describe("Plausibility bounds per canonical field, overriding the defaults: numbers for number fields, yyyy-mm-dd for dates, yyyy-mm for months."),
  })
  .superRefine((extract, ctx) => {
    const fields = fieldsOf(extract.kind);
    for (const [field, mapping] of Object.entries(extract.columns)) {
      const definition = fields[field];
      if (!definition) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", field],
          message: `'${field}' is not a field of ${extract.kind}; its fields are ${Object.keys(fields).join(", ")}`,
        });
      } else if (typeof mapping !== "string" && mapping.values && definition.type !== "category") {
        ctx.addIssue({ code: "custom", path: ["columns", field, "values"], message: `'${field}' is not a category field` });
      }
    }
    if (extract.allowEmpty && !extract.coverage) ctx.addIssue({ code: "custom", path: ["allowEmpty"], message: "an extract that may be empty needs a declared coverage: {from, to}" });
    if (extract.allowEmpty && extract.kind === "population") ctx.addIssue({ code: "custom", path: ["allowEmpty"], message: "the population cannot be empty: an evaluation needs persons" });
    if (extract.coverage?.from !== undefined && coverageDay(extract.coverage.from, "from") > coverageDay(extract.coverage.to, "to")) ctx.addIssue({ code: "custom", path: ["coverage"], message: "'from' is after 'to'" });
    for (const [field, bound] of Object.entries(extract.bounds)) {
      const definition = fields[field];
      if (!definition) {
        ctx.addIssue({ code: "custom", path: ["bounds", field], message: `'${field}' is not a field of ${extract.kind}; its fields are ${Object.keys(fields).join(", ")}` });
        continue;
      }
      for (const side of ["min", "max"] as const) {
        const value = bound[side];
        if (value === undefined) continue;
        const fits = definition.type === "number" ? typeof value === "number" : definition.type === "date" ? typeof value === "string" && parseDate(value, "iso") !== null : definition.type === "month" ? typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) : false;
        if (!fits) ctx.addIssue({ code: "custom", path: ["bounds", field, side], message: definition.type === "number" ? "a number" : definition.type === "date" ? "a date as yyyy-mm-dd" : definition.type === "month" ? "a month as yyyy-mm" : `'${field}' is not a number, date or month field` });
      }
    }
    try {
      new RegExp(extract.weekColumnPattern);
    } catch {
      ctx.addIssue({ code: "custom", path: ["weekColumnPattern"], message: "not a valid regular expression" });
    }
  });

const Window = {
  windowMonths: z.number().int().positive().describe("The window ends this many months after the person's own start date."),
  fromMonth: z.number().int().min(0).default(0).describe("The window begins this many months after start (12 with windowMonths 24 = the second follow-up year)."),
};
const AtMonth = { atMonth: z.number().int().positive().describe("Months after the person's own start date.") };
const OutcomeBase = {
  id: Identifier,
  label: Label.optional(),
  direction: z
    .enum(["higher_is_better", "lower_is_better"])
    .optional()
    .describe("Which way is better for the persons: the report's forest plot marks the side that favours the programme (left out: no side is marked)."),
};

export const Outcome = z.discriminatedUnion("kind", [
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("days_on_public_support"),
    ...Window,
    groups: z.array(z.string()).min(1).default(["public_support"]).describe("Benefit groups that count as public support."),
  }),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("self_supporting_at_month"),
    ...AtMonth,
    groups: z.array(z.string()).min(1).default(["self_supporting"]),
  }),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("flex_job"),
    ...Window,
    groups: z.array(z.string()).min(1).default(["flex_job"]),
  }),
  z.strictObject({ ...OutcomeBase, kind: z.literal("in_education_at_month"), ...AtMonth }),
  z.strictObject({ ...OutcomeBase, kind: z.literal("paid_hours"), ...Window }),
  z
    .strictObject({
      ...OutcomeBase,
      kind: z.literal("psychiatric"),
      contactType: z.enum(CONTACT_TYPES),
      measure: z.enum(["any", "count", "days"]).describe("any = at least one contact (0/1); count = contacts; days = admission days."),
      ...Window,
    })
    .refine((o) => o.measure !== "days" || o.contactType === "admission", {
      message: "measure 'days' applies to admissions only",
      path: ["measure"],
    }),
  z.strictObject({ ...OutcomeBase, kind: z.literal("social_services_kr"), ...Window }),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("benefit_payments_kr"),
    ...Window,
    benefits: z.array(z.string()).default([]).describe("Benefit codes of the benefit_payments_monthly extract that count (empty: every payment)"),
  }).describe("Kroner of public benefits paid over the window (the differential in kroner; days × a flat daily price is the fallback)."),
  z.strictObject({ ...OutcomeBase, kind: z.literal("convictions_per_person_year"), ...Window }),
  z.strictObject({ ...OutcomeBase, kind: z.literal("days_to_first_contact") }).describe("Days from start to the first job-centre contact on or after it; censored while there is none."),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("months_without_benefit"),
    ...Window,
    groups: z.array(z.string()).min(1).default(["public_support"]),
  }).describe("Whole months of the window in which no week is in these benefit groups."),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("in_activity_at_month"),
    ...AtMonth,
    groups: z.array(z.string()).min(1).default(["activation", "flex_job", "su"]),
  }).describe("1 when, at that date, the benefit week is in these groups, an education spell runs, or the month has paid hours."),
  z.strictObject({ ...OutcomeBase, kind: z.literal("job_or_education_start"), ...Window }).describe("1 when the window has a month with paid hours or an education spell that starts in it."),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("retained_after_start"),
    ...Window,
    afterMonths: z.number().int().positive().default(6),
  }).describe("Among those with a job or education start in the window: still in work or education afterMonths after the first start."),
  z.strictObject({ ...OutcomeBase, kind: z.literal("checklist_done"), item: z.string(), withinDays: z.number().int().positive().default(14) }).describe("1 when the checklist item was done within withinDays of start."),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("reconviction_after_release"),
    withinMonths: z.number().int().positive().default(24),
  }),
  z
    .strictObject({
      ...OutcomeBase,
      kind: z.literal("time_to_event"),
      event: z
        .enum(["conviction_after_release", "jobcentre_contact", "self_support"])
        .describe("conviction_after_release: days from the first prison release on or after start to the first conviction after it; jobcentre_contact: days from start to the first job-centre contact; self_support: days from start to the first benefit week (starting on or after start) in one of `groups`."),
      at: z.array(z.number().nonnegative()).default([90, 180, 365, 730]).describe("Days at which the Kaplan–Meier curves are read (effects.json survival)."),
      tau: z.number().positive().optional().describe("Days up to which the restricted mean survival time is taken (default: the shorter arm's longest follow-up)."),
      ties: z.enum(["efron", "breslow"]).default("efron").describe("Cox ties: efron (coxph's default) or breslow."),
      groups: z.array(z.string()).min(1).optional().describe("self_support: the benefit groups that count as self-support (default: self_supporting, the group of a week with no benefit code)."),
    })
    .describe("Time to an event with its indicator: per person the days to the event, or to censoring (as-of date, exit, the end of the extract's coverage), and 1 = event, 0 = censored."),
  z.strictObject({
    ...OutcomeBase,
    kind: z.literal("in_contact_at_month"),
    atMonth: z.number().int().positive(),
    withinDays: z.number().int().positive().default(30),
  }).describe("In positive contact at month k (003/004's 'positive contact after 3 months'): a job-centre contact in the `withinDays` days up to the date k months after start (0/1); censored until that date is followed."),
]);

const CovariateLabel = Label.optional().describe("How the report names the covariate; default its id.");
export const Covariate = z.discriminatedUnion("kind", [
  z.strictObject({ id: Identifier, label: CovariateLabel, kind: z.literal("age_at_start") }),
  z.strictObject({ id: Identifier, label: CovariateLabel, kind: z.literal("female") }),
  z.strictObject({ id: Identifier, label: CovariateLabel, kind: z.literal("target_group") }),
  z.strictObject({
    id: Identifier, label: CovariateLabel,
    kind: z.literal("public_support_weeks_before_start"),
    weeks: z.number().int().positive().default(52),
    groups: z.array(z.string()).min(1).default(["public_support"]),
  }),
  z.strictObject({
    id: Identifier, label: CovariateLabel,
    kind: z.literal("psychiatric_admission_before_start"),
    months: z.number().int().positive().default(12),
  }),
  z.strictObject({
    id: Identifier, label: CovariateLabel,
    kind: z.literal("convictions_before_start"),
    months: z.number().int().positive().default(60).describe("Convictions decided in the months before the start date (start day excluded)"),
  }),
  z.strictObject({
    id: Identifier, label: CovariateLabel,
    kind: z.literal("days_served_before_start"),
  }).describe("Days from admission to release for the last release on or before the start date (the sentence served); 0 with no such release. Needs prison_releases with admissionDate."),
]);

export const Arm = z.strictObject({
  name: Identifier,
  label: Label.optional().describe("How the report names the arm: text, or { \"da\": …, \"en\": … }; default its name."),
  ratio: z.number().int().positive().describe("Relative size: 1 and 1 for 1:1, 2 and 1 for 2:1."),
  control: z.boolean().default(false).describe("Exactly one arm is the control arm; every other arm is compared with it."),
});

export const BlockVariable = z.strictObject({
  covariate: z.string().describe("A covariate id from `covariates`."),
  breaks: z
    .array(z.number())
    .min(1)
    .optional()
    .describe("Cut points for a continuous covariate: [23] gives the bands <23 and ≥23; intervals are closed on the left."),
});

const AssignmentCommon = {
  arms: z
    .array(Arm)
    .min(2)
    .default([
      { name: "control", ratio: 1, control: true },
      { name: "treatment", ratio: 1, control: false },
    ]),
  blocks: z.array(BlockVariable).default([]).describe("Blocking (stratification) variables; none for complete randomisation."),
  balance: z
    .strictObject({
      covariates: z.array(z.string()).optional().describe("Covariate ids to check; all of `covariates` when absent."),
      smdThreshold: z.number().positive().default(0.1).describe("|SMD| above this is flagged."),
    })
    .default({ smdThreshold: 0.1 }),
  cluster: z
    .string()
    .min(1)
    .optional()
    .describe("Cluster randomisation: the population extract's column naming each person's cluster (caseworker, team, school, family id). Whole clusters are randomised (blocked when `blocks` are given), every cluster must hold one arm, and the estimators use cluster-robust (CR2) standard errors."),
};

export const Assignment = z.discriminatedUnion("mode", [
  z.strictObject({
    mode: z.literal("randomise"),
    seed: z.number().int().min(0).max(4294967295).describe("The allocation is a function of the seed and the roster alone."),
    batches: z
      .enum(["none", "month", "quarter", "year"])
      .default("quarter")
      .describe("Rolling enrolment: persons are randomised in batches by the period of their referral date (start date when none)."),
    log: z
      .string()
      .optional()
      .describe("The persistent allocation log (relative to the spec): new batches are appended to it, and a person once on it keeps the arm. Default: <name>.allocation-log.csv beside the spec."),
    lateRegistration: z
      .enum(["own_batch", "wait"])
      .default("own_batch")
      .describe("A person registered late into a batch already randomised: own_batch randomises them in a new batch of their own (<batch>+late<k>); wait leaves them unallocated and listed. The old batch is never re-drawn."),
    ...AssignmentCommon,
  }),
  z.strictObject({
    mode: z.literal("matched"),
    matchOn: z.array(BlockVariable).min(1).describe("Coarsened exact matching: persons match when these covariates (banded by `breaks`) are equal"),
    ratio: z.number().int().positive().default(1).describe("Comparison persons drawn per programme person in each stratum"),
    seed: z.number().int().min(0).max(4294967295).default(1),
    ...AssignmentCommon,
  }).describe("Not randomised: the programme group is who the programme_participation extract names; the comparison group is drawn from the rest of the population, matched on `matchOn`."),
  z.strictObject({
    mode: z.literal("existing"),
    file: z.string().describe("An allocation made elsewhere: one row per person (relative to the spec)."),
    dialect: Dialect.default({}),
    dateFormat: z.enum(DATE_FORMATS).default("iso"),
    columns: z.record(z.string(), ColumnMapping).default({}).describe("Canonical field (personId, arm, batch, block, time) → source column."),
    ...AssignmentCommon,
  }),
]);

export const Estimation = z
  .strictObject({
    covariates: z.array(z.string()).optional().describe("Covariate ids for ols_adjusted and lin; all of `covariates` when absent."),
    subgroups: z.array(BlockVariable).default([]).describe("Subgroups: a covariate (with `breaks` for bands); effects per level and an interaction test."),
    permutations: z.number().int().min(0).default(10000).describe("Randomisation-inference draws (0 = none); all assignments are enumerated when fewer."),
    seed: z.number().int().min(0).max(4294967295).default(1),
    confidence: z.number().gt(0).lt(1).default(0.95),
    primaryEstimator: z
      .enum(["difference_in_means", "difference_in_means_blocked", "ols_adjusted", "lin"])
      .optional()
      .describe("The estimator of the report's one row per outcome; default ols_adjusted when there are covariates, else difference_in_means. Every estimator is in the report's appendix."),
    clusterSe: z
      .union([
        z.enum(["CR2", "CR1"]).describe("With assignment.cluster: the type of its cluster-robust SE."),
        z.strictObject({
          column: z.string().min(1).describe("The level the SEs are clustered on: a covariate id (its values the clusters), or the population's column naming each person's cluster (caseworker, school, job centre; assignment.cluster when the clusters were randomised whole). Clusters may hold both arms."),
          type: z.enum(["CR2", "CR1", "stata", "CR0"]).default("CR2").describe("CR2 with Bell–McCaffrey df (estimatr's default), CR1 (= stata, df = clusters − 1) or CR0."),
        }),
      ])
      .optional()
      .describe("Cluster-robust SEs of ols, ols_adjusted, lin and the difference in means, as `estimate --table --cluster-se COL --se-type TYPE` (estimatr's lm_robust(clusters =, se_type =)). A type alone goes with assignment.cluster."),
    fixedEffects: z
      .string()
      .min(1)
      .optional()
      .describe("A covariate id whose levels are absorbed as fixed effects in the cluster-robust regressions, as `estimate --table --fixed-effects COL` (estimatr's fixed_effects = ~ COL); needs clusterSe.column or assignment.cluster."),
  })
  .describe("How effects are estimated (stage 3).");

/** What every rate-card trigger states: its id (the contract's rate card names it), a label, and where its terms come from. */
const TriggerBase = {
  id: Identifier,
  label: z.string().optional(),
  source: z.string().min(1).describe("Where the trigger's terms come from (a document and line), or 'illustrative: …'"),
};
/** Housing First style: measured over the first `windowMonths` from each person's start; paid in the year the window ends. */
const TriggerWindow = { windowMonths: z.number().int().min(1).max(120).describe("The window from each person's start, e.g. 6 ('i løbet af 6 måneder')") };

export const Trigger = z.discriminatedUnion("kind", [
  z.strictObject({ ...TriggerBase, kind: z.literal("shelter_nights_within"), ...TriggerWindow, maxNights: z.number().int().min(0).describe("Stable housing: at most this many nights in a shelter in the window (002: 5)") }),
  z.strictObject({
    ...TriggerBase,
    kind: z.literal("employment_rate_within"),
    ...TriggerWindow,
    minRate: z.number().gt(0).max(1).describe("Paid hours over the window against full time, e.g. 0.25"),
    fullTimeHoursPerMonth: z.number().positive().describe("Full-time hours in a month (37 h a week: 160.33)"),
  }),
  z.strictObject({
    ...TriggerBase,
    kind: z.literal("education_within"),
    ...TriggerWindow,
    levels: z.array(z.string()).default([]).describe("Education levels that count as SU-eligible; a spell flagged suEligible yes counts too"),
  }),
  z.strictObject({ ...TriggerBase, kind: z.literal("action_plan_progress_within"), ...TriggerWindow }),
  z.strictObject({
    ...TriggerBase,
    kind: z.literal("activity_in_year"),
    activities: z.array(z.string()).min(1).describe("Activity codes of the programme_activities extract (camp, mentor)"),
    require: z.enum(["all", "any"]).default("all").describe("all: the person took part in every listed activity in the year"),
  }),
  z.strictObject({ ...TriggerBase, kind: z.literal("exam_passed_in_year"), exams: z.array(z.string()).default([]).describe("Exam codes that count (empty: any exam)") }),
  z.strictObject({
    ...TriggerBase,
    kind: z.literal("upper_secondary_in_year"),
    event: z.enum(["enrolled", "completed"]).describe("enrolled: the year of the person's first start of such a spell; completed: the year of the first spell ended completed"),
    levels: z.array(z.string()).min(1).describe("Education levels that are upper secondary"),
  }),
  z.strictObject({ ...TriggerBase, kind: z.literal("paid_hours_in_year") }),
  z.strictObject({ ...TriggerBase, kind: z.literal("no_stay_in_year") }),
]);
export type TriggerSpec = z.infer<typeof Trigger>;

export const EvaluationSpec = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, - and _").describe("Names the run's output folder."),
    title: Label.optional(),
    asOf: IsoDate.describe("Follow-up is counted up to and including this date; --as-of overrides it."),
    enrolment: z.strictObject({ from: IsoDate, to: IsoDate }).describe("Persons must start within this window (inclusive)."),
    extracts: z.record(Identifier, Extract),
    benefitCodes: z
      .strictObject({
        file: z.string().describe("CSV with columns code,group,label: every benefit code → its group. Relative to the spec."),
        absentGroup: z.string().default("self_supporting").describe("The group of a week with no benefit code."),
      })
      .optional(),
    quarantine: z
      .strictObject({
        maxShare: z.number().min(0).max(1).default(0.02).describe("The run stops when an extract rejects a larger share of its rows (of persons in the population) and at least minRows rows."),
        minRows: z.number().int().min(1).default(10).describe("The run stops only when at least this many rows are rejected (or all of an extract's rows are), so a small pilot does not stop on two bad rows."),
      })
      .default({ maxShare: 0.02, minRows: 10 }),
    outcomes: z.array(Outcome).min(1),
    primaryOutcome: z.string().optional().describe("The outcome the CONSORT flow counts as analysed; the first outcome when absent."),
    assignment: Assignment.optional().describe("How groups were or are to be assigned (stage 2)."),
    estimation: Estimation.default({ subgroups: [], permutations: 10000, seed: 1, confidence: 0.95 }),
    monitoring: MonitoringPlan.optional().describe("Quarterly looks without false alarms: group-sequential monitoring of the primary outcome (locked with the analysis plan)."),
    kpis: z
      .array(
        z.strictObject({
          id: Identifier,
          label: Label,
          outcome: z.string().describe("A binary (0/1) outcome id"),
          threshold: z.number().min(0).max(1).optional().describe("The share to reach, e.g. 0.6 (required unless direction is below_control)"),
          arm: z.string().optional().describe("Only this arm (e.g. the programme's); all assigned persons when absent"),
          minPersons: z.number().int().min(1).default(10).describe("Fewer persons past the horizon: 'not yet measurable'"),
          source: z.string(),
          atDays: z.number().positive().optional().describe("For a time_to_event outcome: the share with the event by this day, read as 1 − Kaplan–Meier (so it is readable before everyone has been followed that long)"),
          direction: z
            .enum(["at_least", "at_most", "below_control", "above_control"])
            .default("at_least")
            .describe("at_least/at_most: met when the whole 95 % interval is at or above (at or below) the threshold, not met when it is wholly on the other side, otherwise not decided; below_control: better than the comparison group when the whole 95 % interval of the difference between arms (Kaplan–Meier at atDays with both arms' Greenwood variance, or the risk difference) is below 0 (003/004: 'less re-offending than a comparison group'); above_control: above 0 (003/004: 'more self-support than a comparison group')"),
        }),
      )
      .default([])
      .describe("KPI thresholds (as 003/004's 'at least 60 % …'), reported with a Wilson interval and a verdict."),
    pilotDesign: z
      .strictObject({
        outcome: z.string().describe("The share outcome the pilot is judged on"),
        base: z.number().gt(0).lt(1).describe("The comparison group's expected share"),
        target: z.number().gt(0).lt(1).optional(),
        alpha: z.number().gt(0).lt(1).default(0.05),
        power: z.number().gt(0).lt(1).default(0.8),
        personsPerArm: z.number().int().min(2).optional().describe("Default: the persons assigned per arm"),
        case: z.string().optional().describe("A projected business case (its name) for the break-even effect"),
        statedEffect: z.number().positive().optional().describe("The effect that case's base scenario assumes"),
      })
      .optional()
      .describe("Pilot design figures in the report: power, persons per arm, detectable and break-even effects."),
    report: z
      .strictObject({
        lang: z.enum(["da", "en"]).default("da").describe("The report's language; --lang overrides it."),
        minCell: z.number().int().min(2).default(5).describe("Cells describing fewer persons are suppressed in everything under report/."),
        plannedIntakePerYear: z.number().positive().optional().describe("For the status page: intake against plan."),
        horizon: z.number().int().min(1900).max(2200).default(2030).describe("The status page's economy runs to the end of this year ('Økonomi – frem til 2030', as 002)"),
      })
      .optional(),
    covariates: z.array(Covariate).default([]),
    assumptions: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe("Assumption file(s) for the savings projection (stage 4), relative to the spec: the evaluation's own business case and published ones to reproduce."),
    contract: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe("Contract file(s) for repayments (stage 5), relative to the spec."),
    portfolio: z.string().optional().describe("A portfolio table (as 002's) to check against the contracts' ledgers (stage 5), relative to the spec."),
    settlements: z
      .string()
      .default("settlements.json")
      .describe("The settlement file (stage 5), relative to the spec: periods recorded as paid by `effekt settle`; read by every run, and never restated."),
    repayment: z
      .strictObject({ riskSeed: z.number().int().min(0).max(4294967295).default(1).describe("Seed of the repayment-risk simulation") })
      .default({ riskSeed: 1 })
      .describe("How repayments are computed (stage 5)."),
    triggers: z
      .strictObject({
        years: z.strictObject({ from: z.number().int().min(1900).max(2200), to: z.number().int().min(1900).max(2200) }).describe("The calendar years (contract periods named by the year) to derive triggers for"),
        outcomes: z.array(Trigger).min(1),
      })
      .optional()
      .describe("Rate-card triggers derived from the extracts per person and calendar year (work/triggers.csv), which a contract's rate card names by id instead of a hand-made outcome table."),
  })
  .superRefine((spec, ctx) => {
    if (spec.triggers) {
      const { years, outcomes } = spec.triggers;
      if (years.from > years.to) ctx.addIssue({ code: "custom", path: ["triggers", "years"], message: `years.from ${years.from} is after years.to ${years.to}` });
      const taken = [...spec.outcomes.map((o) => o.id), ...spec.covariates.map((c) => c.id)];
      outcomes.forEach((t, i) => {
        if (outcomes.findIndex((o) => o.id === t.id) !== i || taken.includes(t.id)) ctx.addIssue({ code: "custom", path: ["triggers", "outcomes", i, "id"], message: `id '${t.id}' is used twice` });
      });
    }
    spec.outcomes.forEach((o, i) => {
      if ("fromMonth" in o && o.fromMonth >= o.windowMonths) ctx.addIssue({ code: "custom", path: ["outcomes", i, "fromMonth"], message: "fromMonth must be before windowMonths" });
    });
    const kinds = Object.values(spec.extracts).map((e) => e.kind);
    if (!kinds.includes("population")) {
      ctx.addIssue({ code: "custom", path: ["extracts"], message: "an extract of kind 'population' is required" });
    }
    for (const [name, extract] of Object.entries(spec.extracts)) {
      const family = benefitFamily(extract.kind);
      if (kinds.filter((k) => benefitFamily(k) === family).length > 1) {
        ctx.addIssue({ code: "custom", path: ["extracts", name, "kind"], message: `more than one extract of kind ${family}` });
      }
    }
    const ids = [...spec.outcomes.map((o) => o.id), ...spec.covariates.map((c) => c.id)];
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: "custom", path: ["outcomes"], message: `id '${id}' is used twice` });
    });
    if (spec.primaryOutcome !== undefined && !spec.outcomes.some((o) => o.id === spec.primaryOutcome)) {
      ctx.addIssue({ code: "custom", path: ["primaryOutcome"], message: `'${spec.primaryOutcome}' is not an outcome id` });
    }
    if (spec.assignment) {
      const { arms, blocks, balance } = spec.assignment;
      if (spec.assignment.mode === "matched") {
        if (arms.length !== 2) ctx.addIssue({ code: "custom", path: ["assignment", "arms"], message: "a matched comparison has exactly two arms" });
        if (!Object.values(spec.extracts).some((e) => e.kind === "programme_participation")) {
          ctx.addIssue({ code: "custom", path: ["assignment", "mode"], message: "a matched comparison needs a programme_participation extract: it names the programme group" });
        }
        spec.assignment.matchOn.forEach((b, i) => {
          if (!spec.covariates.some((c) => c.id === b.covariate)) ctx.addIssue({ code: "custom", path: ["assignment", "matchOn", i, "covariate"], message: `'${b.covariate}' is not a covariate id` });
        });
      }
      if (arms.filter((a) => a.control).length !== 1) ctx.addIssue({ code: "custom", path: ["assignment", "arms"], message: "exactly one arm must have \"control\": true" });
      if (new Set(arms.map((a) => a.name)).size !== arms.length) ctx.addIssue({ code: "custom", path: ["assignment", "arms"], message: "arm names must differ" });
      const covariateIds = spec.covariates.map((c) => c.id);
      blocks.forEach((b, i) => {
        if (!covariateIds.includes(b.covariate)) ctx.addIssue({ code: "custom", path: ["assignment", "blocks", i, "covariate"], message: `'${b.covariate}' is not a covariate id` });
      });
      (balance.covariates ?? []).forEach((id, i) => {
        if (!covariateIds.includes(id)) ctx.addIssue({ code: "custom", path: ["assignment", "balance", "covariates", i], message: `'${id}' is not a covariate id` });
      });
      if (spec.assignment.cluster !== undefined) {
        if (spec.assignment.mode === "matched") ctx.addIssue({ code: "custom", path: ["assignment", "cluster"], message: "a matched comparison is not cluster-randomised: cluster goes with mode randomise or existing" });
        const mapped = Object.values(spec.extracts).find((e) => e.kind === "population")?.columns.cluster;
        const mappedColumn = mapped === undefined ? undefined : typeof mapped === "string" ? mapped : mapped.column;
        if (covariateIds.includes("cluster")) ctx.addIssue({ code: "custom", path: ["assignment", "cluster"], message: "a covariate is named 'cluster', the column work/persons.csv keeps the cluster in: rename the covariate" });
        if (mappedColumn !== undefined && mappedColumn !== spec.assignment.cluster) ctx.addIssue({ code: "custom", path: ["assignment", "cluster"], message: `the population maps cluster to '${mappedColumn}': name the cluster column in one place` });
      }
    }
    spec.kpis.forEach((k, i) => {
      const outcome = spec.outcomes.find((o) => o.id === k.outcome);
      if (!outcome) ctx.addIssue({ code: "custom", path: ["kpis", i, "outcome"], message: `'${k.outcome}' is not an outcome id` });
      const againstControl = k.direction === "below_control" || k.direction === "above_control";
      if ((k.threshold === undefined) !== againstControl) ctx.addIssue({ code: "custom", path: ["kpis", i, "threshold"], message: againstControl ? `a ${k.direction} KPI takes its threshold from the control arm: leave threshold out` : "a KPI needs a threshold (the share to reach)" });
      if (againstControl && k.arm === undefined) ctx.addIssue({ code: "custom", path: ["kpis", i, "direction"], message: `${k.direction} needs the arm to compare with the control arm` });
      if (outcome && (outcome.kind === "time_to_event") !== (k.atDays !== undefined)) ctx.addIssue({ code: "custom", path: ["kpis", i, "atDays"], message: outcome.kind === "time_to_event" ? "a KPI on a time_to_event outcome needs atDays (the share with the event by that day)" : "atDays goes with a time_to_event outcome" });
    });
    const covariateIds = spec.covariates.map((c) => c.id);
    (spec.estimation.covariates ?? []).forEach((id, i) => {
      if (!covariateIds.includes(id)) ctx.addIssue({ code: "custom", path: ["estimation", "covariates", i], message: `'${id}' is not a covariate id` });
    });
    spec.estimation.subgroups.forEach((s, i) => {
      if (!covariateIds.includes(s.covariate)) ctx.addIssue({ code: "custom", path: ["estimation", "subgroups", i, "covariate"], message: `'${s.covariate}' is not a covariate id` });
    });
    for (const problem of clusterSeIssues(spec)) ctx.addIssue({ code: "custom", ...problem });
    if (spec.enrolment.from > spec.enrolment.to) {
      ctx.addIssue({ code: "custom", path: ["enrolment"], message: "'from' is after 'to'" });
    }
  });

/** Long and wide benefit layouts carry the same data: a spec holds at most one of them. */
function benefitFamily(kind: string): string {
  return kind.startsWith("benefit_weeks") ? "benefit_weeks (long or wide)" : kind;
}

export type EvaluationSpec = z.infer<typeof EvaluationSpec>;
export type ExtractSpec = z.infer<typeof Extract>;
export type OutcomeSpec = z.infer<typeof Outcome>;
export type CovariateSpec = z.infer<typeof Covariate>;
export type ColumnMapping = z.infer<typeof ColumnMapping>;
export type AssignmentSpec = z.infer<typeof Assignment>;
export type ArmSpec = z.infer<typeof Arm>;
export type BlockVariableSpec = z.infer<typeof BlockVariable>;
