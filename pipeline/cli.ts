/**
 * The `effekt` command line. Exit codes: 0 the result is usable; 1 the run stopped on
 * a problem in the input (the message says which); 2 the command was mistyped;
 * 70 an internal error (a bug: please report it with EFFEKT_DEBUG=1 output).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { StopRun } from "../src/shared/issues.ts";
import { EvaluationSpec } from "../src/spec/schema.ts";
import { runPipeline, runStage, STAGES, type StageName } from "./run.ts";

const EXIT_OK = 0;
const EXIT_STOPPED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

const MAIN_HELP = `effekt — evaluation pipeline for social effect investments

Usage:
  effekt run <spec.json> [--as-of YYYY-MM-DD] [--out DIR]   run every stage built so far
  effekt ingest <spec.json> [--as-of YYYY-MM-DD] [--out DIR]  run stage 1 alone
  effekt spec-schema                                      print the spec's JSON Schema
  effekt <command> --help                                 help on one command

Stages: ${Object.keys(STAGES).join(" → ")} (assign, estimate, project, repay and report are not built yet).
Results are written under --out (default output/<spec name>/); progress goes to stderr.
Exit codes: 0 usable result, 1 stopped on a problem in the input, 2 usage error, 70 internal error.`;

const RUN_HELP = (command: string, what: string) => `effekt ${command} <spec.json> [options]

${what}

Options:
  --as-of YYYY-MM-DD   follow-up is counted up to and including this date (default: the spec's asOf)
  --out DIR            output folder (default: output/<spec name>)
  -h, --help           this help`;

const HELP: Record<string, string> = {
  run: RUN_HELP("run", "Runs every stage built so far on the spec and writes each stage's artefacts."),
  ingest: RUN_HELP(
    "ingest",
    "Stage 1: reads and validates every extract in the spec, quarantines bad rows under work/quarantine/,\nand derives person-level outcomes (work/outcomes.csv) and covariates (work/persons.csv); writes ingest.json.",
  ),
  "spec-schema": "effekt spec-schema\n\nPrints the JSON Schema of the evaluation spec (for editors: \"$schema\" in the spec).",
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(MAIN_HELP + "\n");
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (!(command in HELP)) {
    process.stderr.write(`effekt: unknown command '${command}'\n\n${MAIN_HELP}\n`);
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { "as-of": { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    process.stderr.write(`effekt ${command}: ${(error as Error).message}\n\n${HELP[command]}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP[command] + "\n");
    return EXIT_OK;
  }
  if (command === "spec-schema") {
    process.stdout.write(JSON.stringify(specJsonSchema(), null, 2) + "\n");
    return EXIT_OK;
  }
  const [specPath, ...extra] = parsed.positionals;
  if (specPath === undefined || extra.length > 0) {
    process.stderr.write(`effekt ${command}: expected exactly one spec file\n\n${HELP[command]}\n`);
    return EXIT_USAGE;
  }
  const options = {
    specPath,
    ...(parsed.values["as-of"] !== undefined ? { asOf: parsed.values["as-of"] } : {}),
    ...(parsed.values.out !== undefined ? { outDir: parsed.values.out } : {}),
    log: (line: string) => process.stderr.write(line + "\n"),
  };
  try {
    const loaded = command === "run" ? await runPipeline(options) : await runStage(command as StageName, options);
    process.stderr.write(`effekt ${command}: done → ${loaded.outDir}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StopRun) {
      process.stderr.write(`effekt ${command}: stopped\n${error.issues.map((issue) => issue.message).join("\n")}\n`);
      return EXIT_STOPPED;
    }
    process.stderr.write(`effekt ${command}: internal error: ${(error as Error).message}\n`);
    if (process.env.EFFEKT_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_INTERNAL;
  }
}

/** The spec's JSON Schema, for editors; `npm run schema` writes it to schemas/spec.schema.json. */
export function specJsonSchema(): unknown {
  return z.toJSONSchema(EvaluationSpec, { io: "input", unrepresentable: "any" });
}
