/**
 * The `effekt` command line: parses the arguments against the named command's own options
 * and dispatches; every command lives in a file of its own under pipeline/commands/.
 * Exit codes: 0 the result is usable; 1 the run stopped on a problem in the input (the
 * message says which); 2 the command was mistyped; 70 an internal error (a bug: please
 * report it with EFFEKT_DEBUG=1 output).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, tell, UsageError, whatBroke, type Command, type OptionValues } from "./commands/command.ts";
import { messages } from "../src/messages.ts";
import { assignCommand, ingestCommand, repayCommand, reportCommand, runCommand } from "./commands/stages.ts";
import { estimateCommand } from "./commands/estimate.ts";
import { projectCommand } from "./commands/project.ts";
import { verifyRunCommand } from "./commands/verifyRun.ts";
import { verifyAllocationCommand } from "./commands/verifyAllocation.ts";
import { checkPublishedCommand } from "./commands/checkPublished.ts";
import { designCommand } from "./commands/design.ts";
import { specSchemaCommand } from "./commands/specSchema.ts";
import { settleCommand } from "./commands/settle.ts";
import { keygenCommand } from "./commands/keygen.ts";
import { bundleCommand } from "./commands/bundle.ts";
import { lockPlanCommand } from "./commands/lockPlan.ts";
import { portfolioCommand } from "./commands/portfolio.ts";
import { nearest } from "../src/shared/nearest.ts";

export { specJsonSchema } from "./commands/specSchema.ts";

const COMMANDS: readonly Command[] = [
  runCommand,
  ingestCommand,
  assignCommand,
  estimateCommand,
  projectCommand,
  repayCommand,
  reportCommand,
  verifyRunCommand,
  keygenCommand,
  bundleCommand,
  portfolioCommand,
  lockPlanCommand,
  settleCommand,
  verifyAllocationCommand,
  checkPublishedCommand,
  designCommand,
  specSchemaCommand,
];

const MAIN_HELP = `effekt — evaluation pipeline for social effect investments

Usage:
${COMMANDS.map((c) => "  " + c.synopsis.replace(/\n/g, "\n  ")).join("\n")}
  effekt <command> --help                                 help on one command
  effekt --version                                        the version

Stages: ingest → assign → estimate → project → repay → report.
Results are written under --out (default output/<spec name>/); progress goes to stderr.
Exit codes: 0 usable result, 1 stopped on a problem in the input, 2 usage error, 70 internal error.`;

function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

function usage(message: string, help: string): number {
  tell(`${message}\n\n${help}`);
  return EXIT_USAGE;
}

/** Node's parseArgs, with an unknown option answered by the nearest known one. */
function parseOptions(command: Command, args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: command.options as NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]> });
  } catch (error) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
    if (unknown === undefined) throw new UsageError(`effekt ${command.name}: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")}`);
    const known = Object.keys(command.options).map((o) => `--${o}`);
    const guess = nearest(unknown, known);
    throw new UsageError(`effekt ${command.name}: unknown option ${unknown}${guess ? ` — did you mean ${guess}?` : ""}`);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(MAIN_HELP + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    process.stdout.write(`effekt ${version()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const guess = nearest(name, COMMANDS.map((c) => c.name));
    return usage(`effekt: unknown command '${name}'${guess ? ` — did you mean '${guess}'?` : ""}`, MAIN_HELP);
  }
  try {
    const parsed = parseOptions(command, rest);
    if (parsed.values.help) {
      process.stdout.write(command.help + "\n");
      return EXIT_OK;
    }
    return await command.run(parsed.values as OptionValues, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message, command.help);
    // Outside a command's guard (guarded, commands/command.ts) too, a bug is one line and exit 70.
    tell(`effekt ${command.name}: ${messages.internalError(whatBroke(error))}`);
    if (process.env.EFFEKT_DEBUG) tell(`${(error as Error).stack ?? String(error)}`);
    return EXIT_INTERNAL;
  }
}
