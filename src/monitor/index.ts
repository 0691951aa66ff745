/**
 * Stage 3b: monitoring. With a monitoring plan in the spec, each run is a look at the primary
 * outcome (src/monitor/monitorPrimaryOutcome.ts): reads effects.json and the look log beside the
 * spec; writes monitoring.json, and the log with this look appended when it is a new one.
 */
import { defaultLookLog } from "../catalogue.ts";
import { messages } from "../messages.ts";
import { issue } from "../shared/issues.ts";
import { isoDate } from "../shared/dates.ts";
import { primaryEstimatorOfSpec } from "../spec/primaryEstimator.ts";
import { defineStage } from "../stage.ts";
import { parseLookLog } from "./lookLog.ts";
import { monitorPrimaryOutcome } from "./monitorPrimaryOutcome.ts";

export const stage = defineStage({
  name: "monitor",
  folder: "src/monitor/",
  does: "takes this run as a look at the primary outcome: information fraction, α spent, boundary, crossed or not, repeated CI, adjusted p",
  reads: ["effects"],
  readsOptional: [],
  inputs: (spec) => (spec.monitoring ? [{ role: "lookLog", format: "text" as const, name: "look log", file: spec.monitoring.log ?? defaultLookLog(spec.name), required: false }] : []),
  writes: ["monitoring", "lookLog"],
  skip: (spec) => (spec.monitoring ? null : { reason: "the spec has no monitoring plan (monitoring)", path: ["monitoring"] }),
  run({ artefacts, files }, context) {
    const { spec } = context;
    const logFile = files.find((f) => f.role === "lookLog");
    const text = logFile?.format === "text" ? logFile.content : null;
    const log = text === null ? null : parseLookLog(text);
    if (log?.broken) {
      return { outputs: {}, issues: [issue("look_log_tampered", `the look log is broken at this line: ${log.broken.reason}; restore it from a backup (a look already taken never changes)`, { file: logFile!.file, path: [], line: log.broken.line })], warnings: [], summary: [] };
    }
    const outcome = spec.primaryOutcome ?? spec.outcomes[0]!.id;
    const estimator = primaryEstimatorOfSpec(spec);
    const estimate = artefacts.effects.estimates.find((e) => e.outcome === outcome && e.estimator === estimator) ?? null;
    const direction = spec.outcomes.find((o) => o.id === outcome)?.direction;
    if (spec.monitoring!.sides === 1 && direction === undefined) {
      return { outputs: {}, issues: [issue("monitoring_side_unknown", messages.oneSidedNeedsDirection(outcome), { file: context.shownPath("monitoring"), path: ["monitoring", "sides"] })], warnings: [], summary: [] };
    }
    const better = direction === "lower_is_better" ? -1 : 1;
    const { artefact, logText } = monitorPrimaryOutcome({ evaluation: spec.name, outcome, estimator, plan: spec.monitoring!, asOf: isoDate(context.asOf), estimate, log, better });
    const look = artefact.look;
    const said = look
      ? `monitor: look ${look.look} (${look.recorded.replace("_", " ")}) at information ${(100 * look.fraction).toFixed(1)} %: crossing needs p < ${look.nominalP.toPrecision(2)}, p = ${look.p?.toPrecision(2)}: ${artefact.verdict.replace(/_/g, " ")}${look.futilityCrossed ? "; could stop for futility (the bound is non-binding)" : ""}`
      : `monitor: no look: ${artefact.verdict.replace(/_/g, " ")}`;
    return { outputs: { monitoring: artefact, ...(logText === null ? {} : { lookLog: logText }) }, issues: [], warnings: [], summary: [said, `monitor: → ${context.shownPath("monitoring")}`] };
  },
});
