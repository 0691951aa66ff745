/**
 * Each run is a look (issue #30). From the monitoring plan, the look log and this run's primary
 * estimate: the information fraction (persons with complete follow-up on the primary outcome ÷ the
 * planned maximum), the looks recorded before this run's as-of date (their α and boundaries as
 * taken), this look's boundary, crossed or not, the RCI and — when the monitoring ends — the
 * adjusted p. A new look (an as-of date after the log's last, with more information) is appended;
 * a run at a recorded date shows that look as recorded; a run before the log's last look is shown
 * and not recorded. After a look has crossed, later runs spend no more α.
 */
import { describeSpending } from "../stats/sequential/spending/index.ts";
import type { HeldLook, SpendingPlan } from "../stats/sequential/lookBoundary.ts";
import type { EffectEstimate } from "../estimate/schema.ts";
import { assessLook, type AssessedLook } from "./assessLook.ts";
import { futilityAtLooks, plannedFractions } from "./futilityAtLook.ts";
import { chainHeadOf, chainLook, formatLookLog, lookLogHeader, type ParsedLookLog } from "./lookLog.ts";
import { spendingOf, type LookRecord, type LookVerdict, type MonitoringArtefact, type MonitoringPlan } from "./schema.ts";

export interface MonitorInput {
  readonly evaluation: string;
  readonly outcome: string;
  readonly estimator: string;
  readonly plan: MonitoringPlan;
  readonly asOf: string;
  /** The primary outcome's row of the primary estimator (first contrast); null when there is none. */
  readonly estimate: EffectEstimate | null;
  /** The look log as read (null: none yet), its chain checked. */
  readonly log: ParsedLookLog | null;
  /** One-sided plans: the sign of an estimate that favours the programme (the outcome's direction); default 1. */
  readonly better?: 1 | -1;
}

export interface MonitorOutput {
  readonly artefact: MonitoringArtefact;
  /** The look log's new text, or null when it does not change. */
  readonly logText: string | null;
}

export function planWords(plan: MonitoringPlan): string {
  return `alpha ${plan.alpha} ${plan.sides === 1 ? "one" : "two"}-sided; ${describeSpending(spendingOf(plan.spending))} spending; maximum information ${plan.maximumInformation} persons`;
}

const held = (records: readonly LookRecord[]): HeldLook[] => records.map((r) => ({ fraction: r.fraction, boundary: r.boundary, alphaSpent: r.alphaSpent }));

// One decision per case, in the order the module comment gives them.
export function monitorPrimaryOutcome(input: MonitorInput): MonitorOutput {
  const plan: SpendingPlan = { alpha: input.plan.alpha, sides: input.plan.sides ?? 2, spending: spendingOf(input.plan.spending) };
  const header = input.log?.header || lookLogHeader(input.evaluation, input.outcome, planWords(input.plan));
  const all = input.log?.records ?? [];
  const before = all.filter((r) => r.asOf < input.asOf);
  const atDate = all.find((r) => r.asOf === input.asOf) ?? null;
  const usable = input.estimate !== null && input.estimate.estimate !== null && input.estimate.p_value !== null && input.estimate.std_error !== null;
  const information = input.estimate ? input.estimate.n_treated + input.estimate.n_control : 0;
  const fraction = information / input.plan.maximumInformation;
  const last = before.at(-1);
  const base = (verdict: LookVerdict, look: MonitoringArtefact["look"], shown: readonly LookRecord[], logText: string | null): MonitorOutput => ({
    artefact: {
      artefact: "monitoring",
      schema_version: 1,
      evaluation: input.evaluation,
      outcome: input.outcome,
      contrast: input.estimate?.contrast ?? null,
      estimator: input.estimator,
      alpha: input.plan.alpha,
      ...(plan.sides === 1 ? { sides: 1 as const } : {}),
      spending: describeSpending(plan.spending),
      maximumInformation: input.plan.maximumInformation,
      asOf: input.asOf,
      verdict,
      look,
      looks: shown.map(({ sha256: _, ...r }) => ({ ...r, boundary: r.boundary === Infinity ? null : r.boundary })),
      logChainHead: input.log || logText ? chainHeadOf({ header, records: [...shown], broken: null }) : null,
    },
    logText,
  });
  if (before.some((r) => r.crossed)) return base("crossed_earlier", null, before, null);
  if (!usable || information === 0) return base("no_information", null, before, null);
  if (atDate === null && last && fraction <= last.fraction) return base("no_new_information", null, before, null);
  const estimate = { estimate: input.estimate!.estimate!, stdError: input.estimate!.std_error!, p: input.estimate!.p_value! };
  const assessed = assessLook(plan, held(before), atDate?.fraction ?? fraction, estimate, atDate, input.better ?? 1);
  const recorded = atDate ? "as_recorded" : all.length > before.length ? "not_recorded" : "new";
  const record = chainLook(last?.sha256 ?? chainHeadOf({ header, records: [], broken: null }), {
    look: before.length + 1,
    asOf: input.asOf,
    information: atDate?.information ?? information,
    fraction: assessed.fraction,
    alphaSpent: assessed.alphaSpent,
    boundary: assessed.boundary,
    nominalP: assessed.nominalP,
    estimate: estimate.estimate,
    z: assessed.z,
    p: estimate.p,
    crossed: assessed.crossed,
  });
  const shown = recorded === "as_recorded" ? [...before, atDate!] : [...before, record];
  const logText = recorded === "new" ? formatLookLog(header, shown) : null;
  return base(verdictOf(assessed), { ...lookOf(record.look, recorded, information, assessed, estimate)!, ...futilityOf(input.plan, plan, held(before), assessed) }, shown, logText);
}

/** With a futility plan: this look's non-binding bound (none at the final look) and whether z is below it. */
function futilityOf(monitoring: MonitoringPlan, plan: SpendingPlan, before: readonly HeldLook[], assessed: AssessedLook): { futilityBound?: number | null; futilityCrossed?: boolean } {
  const futility = monitoring.futility;
  if (!futility) return {};
  const bound = futilityAtLooks(plan, { beta: futility.beta, spending: spendingOf(futility.spending) }, plannedFractions(futility.looks), [...before, assessed]).at(-1)!;
  return { futilityBound: bound !== null && Number.isFinite(bound) ? bound : null, futilityCrossed: bound !== null && assessed.z < bound };
}

function verdictOf(assessed: AssessedLook): LookVerdict {
  if (assessed.crossed) return "crossed";
  return assessed.fraction >= 1 ? "final_not_crossed" : "not_yet";
}

function lookOf(look: number, recorded: "new" | "as_recorded" | "not_recorded", information: number, assessed: AssessedLook, estimate: { estimate: number; stdError: number; p: number }): MonitoringArtefact["look"] {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    look,
    recorded,
    information,
    fraction: assessed.fraction,
    alphaSpent: assessed.alphaSpent,
    boundary: finite(assessed.boundary),
    nominalP: assessed.nominalP,
    estimate: estimate.estimate,
    stdError: estimate.stdError,
    z: assessed.z,
    p: estimate.p,
    crossed: assessed.crossed,
    rciLow: finite(assessed.rci.lower),
    rciHigh: finite(assessed.rci.upper),
    adjustedP: assessed.adjustedP,
  };
}
