/** `effekt lock-plan <spec.json>`: fixes the analysis plan before the outcomes are seen (plan.lock.json beside the spec). */
import { loadSpec } from "../loadSpec.ts";
import { lockPlan } from "../planLock.ts";
import { shown } from "../io/paths.ts";
import { EXIT_OK, guarded, say, tell, text, UsageError, type Command } from "./command.ts";

export const lockPlanCommand: Command = {
  name: "lock-plan",
  synopsis: "effekt lock-plan <spec.json> [--out DIR] [--after-outcomes] lock the analysis plan: plan.lock.json beside the spec",
  help: `effekt lock-plan <spec.json> [options]

Writes plan.lock.json beside the spec: a copy and the SHA-256 of everything that defines the analysis
(outcomes and their windows, the primary outcome, covariates, estimation — adjustment covariates,
subgroups, randomisation inference, seed, confidence level —, KPI thresholds, the assignment design
and seed, the SHA-256 of each contract file), the lock date and the allocation log's chain head.
Every later run compares the spec with it: manifest.json records plan { locked, lockedAt, sha256,
deviations } and the report's first section says the plan is unchanged or lists each deviation.
Refuses when a lock exists, and when outcomes have already been estimated for this evaluation
(effects.json in its output folder) unless --after-outcomes is given; the lock then says so.

Options:
  --out DIR            the evaluation's output folder to look for estimates in (default: output/<spec name>)
  --after-outcomes     lock although outcomes have been estimated (recorded in the lock)
  -h, --help           this help`,
  options: { out: { type: "string" }, "after-outcomes": { type: "boolean" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [specPath, ...extra] = positionals;
    if (specPath === undefined || extra.length > 0) throw new UsageError("effekt lock-plan: expected exactly one spec file");
    const out = text(values, "out");
    return guarded("lock-plan", async () => {
      const loaded = await loadSpec({ specPath, ...(out !== undefined ? { outDir: out } : {}), log: tell });
      const today = new Date().toISOString().slice(0, 10);
      const { path, lock } = await lockPlan(loaded, { afterOutcomes: values["after-outcomes"] === true, today });
      say(`analysis plan locked ${lock.lockedAt}${lock.afterOutcomes ? " (after outcomes were estimated)" : ""}: ${shown(path)} (SHA-256 ${lock.sha256})`);
      return EXIT_OK;
    });
  },
};
