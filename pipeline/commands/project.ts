/** `effekt project`: stage 4 on a spec, or business cases on their own (`--assumptions`). */
import { labelIn } from "../../src/shared/label.ts";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import { formatJson, writeFileAtomic } from "../io/files.ts";
import { shown } from "../io/paths.ts";
import { openOwnedFolder } from "../io/ownedFolder.ts";
import { refuseOutHoldingInputs } from "../io/refuseOutHoldingInputs.ts";
import { projectFiles } from "./projectFiles.ts";
import { runSpecCommand, SPEC_OPTIONS } from "./stages.ts";
import { EXIT_OK, EXIT_STOPPED, guarded, say, tell, text, UsageError, type Command, type OptionValues } from "./command.ts";

async function projectAssumptions(values: OptionValues): Promise<number> {
  const files = values.assumptions as string[];
  const outDir = text(values, "out");
  if (!outDir) throw new UsageError("effekt project: --out is required with --assumptions");
  const effectsPath = text(values, "effects");
  return guarded("project", async () => {
    let effects = null;
    if (effectsPath !== undefined) {
      const parsed = EffectsArtefact.safeParse(JSON.parse(await readFile(effectsPath, "utf8")));
      if (!parsed.success) {
        tell(`effekt project: ${effectsPath} is not an effects.json written by effekt estimate`);
        return EXIT_STOPPED;
      }
      effects = parsed.data;
    }
    const artefact = await projectFiles("business cases", files, effects);
    const out = join(resolve(outDir), artefactPath("projection"));
    await refuseOutHoldingInputs(resolve(outDir), [...files, ...(effectsPath === undefined ? [] : [effectsPath])].map((f) => resolve(f)));
    const folder = await openOwnedFolder(resolve(outDir), { kind: "projection", force: values.force === true, log: tell, catalogued: (path) => path === artefactPath("projection") });
    try {
      await folder.claim([out]);
      await writeFileAtomic(out, formatJson(artefact));
    } finally {
      await folder.release();
    }
    for (const c of artefact.cases) {
      say(labelIn("en", c.title));
      for (const p of c.published) {
        const value = p.reproduced === null ? "—" : p.reproduced.toLocaleString("en", { maximumFractionDigits: 2 });
        say(`  ${p.verdict === "reproduced" ? "REPRODUCED" : "DIFFERS   "} ${labelIn("en", p.label)}: published ${p.published.toLocaleString("en")} ${p.unit}, effekt ${value}`);
      }
    }
    tell(`effekt project: done → ${shown(out)}`);
    return EXIT_OK;
  });
}

export const projectCommand: Command = {
  name: "project",
  synopsis: `effekt project <spec.json> [--out DIR]                  stage 4 alone (savings by sector and year)
effekt project --assumptions case.json [--effects effects.json] --out DIR
                                                        project (and check) one business case on its own`,
  help: `effekt project <spec.json> [--as-of YYYY-MM-DD] [--out DIR]
effekt project --assumptions case.json [--assumptions other.json …] [--effects effects.json] --out DIR

Stage 4: turns effects into money over the horizon — each cost line = effect × unit price ×
cohort size × sector share (kommune / region / stat) × its decay profile — then intervention
cost, net by year and cumulative, break-even per sector, ROI (savings / cost and
(savings − cost) / cost), NPV, the steady state with a new cohort every year, scenarios,
one-way sensitivity, the investment ceiling, and for published cases the
published-vs-reproduced table. Writes projection.json.

Options:
  --as-of YYYY-MM-DD        follow-up date (with a spec)
  --out DIR                 output folder (default with a spec: output/<spec name>; required with --assumptions):
                            new, empty, or one effekt wrote; never one holding an input
  --force                   take over a non-empty --out folder effekt did not write (its other files are kept)
  --assumptions FILE        an assumption file to project on its own (repeatable)
  --effects FILE            an effects.json whose estimates the assumption lines may use
  -h, --help                this help`,
  options: { ...SPEC_OPTIONS, assumptions: { type: "string", multiple: true }, effects: { type: "string" } },
  run: (values, positionals) => (values.assumptions !== undefined ? projectAssumptions(values) : runSpecCommand("project", "project", values, positionals)),
};
