/** The commands that run the pipeline on a spec: `run` (every stage) and one per stage. */
import { parseDate } from "../../src/ingest/parseValue.ts";
import { messages } from "../../src/messages.ts";
import type { StageName } from "../../src/stage.ts";
import { runPipeline, runStage } from "../run.ts";
import type { RunOptions } from "../loadSpec.ts";
import { readPrivateKey } from "../seal/keys.ts";
import { EXIT_OK, guarded, tell, text, UsageError, type Command, type OptionSpec, type OptionValues } from "./command.ts";

const AS_OF = "  --as-of YYYY-MM-DD   follow-up is counted up to and including this date (default: the spec's asOf)";
const OUT = "  --out DIR            output folder (default: output/<spec name>): new, empty, or one effekt wrote; never one holding an input";
const FORCE = "  --force              take over a non-empty --out folder effekt did not write (its other files are kept, never deleted)";
const LANG = "  --lang da|en         the report's language (default: the spec's report.lang, else Danish)";
const COMPARE = "  --compare DIR        an earlier run of this evaluation (its --out folder): the report shows what changed since";
const SIGN = "  --sign KEY.pem       sign the manifest with this Ed25519 private key (effekt keygen): manifest-signature.json";
const HELP_LINE = "  -h, --help           this help";

export const SPEC_OPTIONS = { "as-of": { type: "string" }, out: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const satisfies Record<string, OptionSpec>;
const REPORT_OPTIONS = { ...SPEC_OPTIONS, lang: { type: "string" }, compare: { type: "string" }, sign: { type: "string" } } as const satisfies Record<string, OptionSpec>;

/** The run options of a spec command, every value checked: a malformed one is a usage error. */
export function runOptions(command: string, values: OptionValues, positionals: readonly string[]): RunOptions {
  const [specPath, ...extra] = positionals;
  if (specPath === undefined || extra.length > 0) throw new UsageError(`effekt ${command}: expected exactly one spec file`);
  const asOf = text(values, "as-of");
  if (asOf !== undefined && parseDate(asOf, "iso") === null) throw new UsageError(`effekt ${command}: ${messages.asOfInvalid(asOf)}`);
  const lang = text(values, "lang");
  if (lang !== undefined && lang !== "da" && lang !== "en") throw new UsageError(`effekt ${command}: --lang takes da or en`);
  const out = text(values, "out");
  const compare = text(values, "compare");
  return {
    specPath,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(out !== undefined ? { outDir: out } : {}),
    ...(lang !== undefined ? { lang: lang as "da" | "en" } : {}),
    ...(compare !== undefined ? { compare } : {}),
    ...(values.force === true ? { force: true } : {}),
    log: tell,
  };
}

/** Runs a spec command (every stage, or one). */
export function runSpecCommand(command: string, stage: StageName | null, values: OptionValues, positionals: readonly string[]): Promise<number> {
  const options = runOptions(command, values, positionals);
  const keyPath = text(values, "sign");
  return guarded(command, async () => {
    const key = keyPath === undefined ? null : await readPrivateKey(keyPath);
    const signed = key === null ? options : { ...options, sign: key };
    const loaded = stage === null ? await runPipeline(signed) : await runStage(stage, signed);
    tell(`effekt ${command}: done → ${loaded.outDir}`);
    return EXIT_OK;
  });
}

function specCommand(name: StageName | "run", synopsis: string, what: string, report: boolean): Command {
  const lines = [AS_OF, OUT, FORCE, ...(report ? [LANG, COMPARE, SIGN] : []), HELP_LINE];
  return {
    name,
    synopsis,
    help: `effekt ${name} <spec.json> [options]\n\n${what}\n\nOptions:\n${lines.join("\n")}`,
    options: report ? REPORT_OPTIONS : SPEC_OPTIONS,
    run: (values, positionals) => runSpecCommand(name, name === "run" ? null : name, values, positionals),
  };
}

export const runCommand = specCommand(
  "run",
  "effekt run <spec.json> [--as-of YYYY-MM-DD] [--out DIR [--force]] [--lang da|en] [--compare DIR] [--sign KEY.pem]\n                                                          every stage, ending with the report",
  "Runs every stage the spec gives something to do — ingest → assign → estimate → project → repay → report —\nand writes each stage's artefacts (a stage the spec gives nothing to do is skipped, and says so).",
  true,
);
export const ingestCommand = specCommand(
  "ingest",
  "effekt ingest <spec.json> [--as-of YYYY-MM-DD] [--out DIR]  stage 1 alone",
  "Stage 1: reads and validates every extract in the spec, quarantines bad rows under work/quarantine/,\nand derives person-level outcomes (work/outcomes.csv) and covariates (work/persons.csv); writes ingest.json.",
  false,
);
export const assignCommand = specCommand(
  "assign",
  "effekt assign <spec.json> [--as-of YYYY-MM-DD] [--out DIR]  stage 2 alone, from stage 1's artefacts",
  "Stage 2: randomises every batch whose period has ended (or reads the allocation named in the spec),\nchecks it (each person once, timing, ratio, cross-overs), baseline balance and the CONSORT flow;\nwrites assignment.json, work/allocation-log.csv, work/assignments.csv and work/roster.csv.",
  false,
);
export const repayCommand = specCommand(
  "repay",
  "effekt repay <spec.json> [--out DIR]                    stage 5 alone (repayments and the ledger)",
  "Stage 5: what the municipality owes the investors under each contract in the spec — differential payments,\nrate cards, unit prices capped by the municipal saving — with caps, the return floor and ceiling,\nthe split between payers, the cumulative ledger, the investors' IRR, the repayment risk and the\nportfolio check. Writes repayment.json and ledger.csv.",
  false,
);
export const reportCommand = specCommand(
  "report",
  "effekt report <spec.json> [--lang da|en] [--compare DIR] [--sign KEY.pem]  stage 6 alone (the report and the manifest)",
  "Stage 6: one self-contained report.html (Danish by default), status.html and a CSV for every table under\nreport/, with every cell describing fewer than 5 persons suppressed; then manifest.json with the SHA-256\nof every input and output.",
  true,
);
