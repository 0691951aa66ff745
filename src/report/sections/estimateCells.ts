/** What of an estimate may be shown: suppressed when an arm has fewer than minCell persons, or (for a share) fewer than minCell with or without the outcome. */
import type { EffectEstimate } from "../../estimate/schema.ts";
import { isSmall, shareOf } from "../suppression.ts";
import type { ReportInput } from "./section.ts";
import { primaryEstimatorOfSpec } from "../../spec/primaryEstimator.ts";

export function estimateHidden(e: EffectEstimate, binary: boolean, minCell: number): boolean {
  const events = (mean: number | null, n: number) => (mean === null ? false : shareOf(mean, n, minCell));
  return isSmall(e.n_treated, minCell) || isSmall(e.n_control, minCell) || (binary && (events(e.mean_treated, e.n_treated) || events(e.mean_control, e.n_control)));
}

/** The estimator of the one row per outcome: the spec's, else covariate-adjusted when there are covariates, else the difference in means. */
export function primaryEstimatorOf(input: ReportInput): string {
  return primaryEstimatorOfSpec(input.spec);
}

/** The unit an outcome is measured in, as a text key: shares are "share" (shown in procent, differences in procentpoint). */
export type OutcomeUnit = "share" | "unitDays" | "unitHours" | "unitKr" | "unitMonths" | "unitContacts" | "unitConvictionsPerYear" | "unitNone";

export function outcomeUnitOf(input: ReportInput, id: string): OutcomeUnit {
  const summary = input.run.ingest.outcomes.find((o) => o.id === id);
  if (summary?.type === "binary") return "share";
  const outcome = input.spec.outcomes.find((o) => o.id === id);
  switch (outcome?.kind) {
    case "days_on_public_support":
    case "days_to_first_contact":
      return "unitDays";
    case "paid_hours":
      return "unitHours";
    case "social_services_kr":
      return "unitKr";
    case "months_without_benefit":
      return "unitMonths";
    case "convictions_per_person_year":
      return "unitConvictionsPerYear";
    case "psychiatric":
      return "measure" in outcome && outcome.measure === "days" ? "unitDays" : "unitContacts";
    default:
      return "unitNone";
  }
}
