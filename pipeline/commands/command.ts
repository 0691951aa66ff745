/**
 * What a command of the `effekt` CLI is: its name, its help, the options it takes (and
 * only those), and `run`. The CLI (pipeline/cli.ts) parses the arguments against the
 * command's options and dispatches; every command answers with an exit code.
 */
import { z } from "zod";
import { messages } from "../../src/messages.ts";
import { formatIssue, StopRun } from "../../src/shared/issues.ts";
import { schemaPlace } from "../../src/shared/schemaPlace.ts";

export const EXIT_OK = 0;
export const EXIT_STOPPED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 70;

export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionValues = Readonly<Record<string, string | string[] | boolean | undefined>>;

export interface Command {
  readonly name: string;
  /** The lines of the main help for this command. */
  readonly synopsis: string;
  /** `effekt <name> --help`. */
  readonly help: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly run: (values: OptionValues, positionals: readonly string[]) => Promise<number>;
}

/** Thrown by a command on a mistyped call: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {}

export function text(values: OptionValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === "string" ? value : undefined;
}

export function list(values: OptionValues, key: string): string[] {
  return (text(values, key) ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}

export const say = (line: string) => process.stdout.write(line + "\n");
export const tell = (line: string) => process.stderr.write(line + "\n");

/** Runs a command body: a stopped run is exit 1 with its issues, a bug exit 70 (its stack with EFFEKT_DEBUG=1). */
export async function guarded(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof StopRun) {
      tell(`effekt ${name}: stopped\n${error.issues.map(formatIssue).join("\n")}`);
      return EXIT_STOPPED;
    }
    // A bug: one short line, never a dump of values (a schema error's JSON could hold any of them); the details with EFFEKT_DEBUG=1.
    tell(`effekt ${name}: ${messages.internalError(whatBroke(error))}`);
    if (process.env.EFFEKT_DEBUG) {
      tell(`${(error as Error).stack ?? String(error)}`);
      if ((error as Error).cause !== undefined) tell(`caused by: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).stack : String((error as Error).cause)}`);
    }
    return EXIT_INTERNAL;
  }
}

/** What broke, in one line: where a value failed its schema, or the first line of the error (at most 200 characters). */
export function whatBroke(error: unknown): string {
  if (error instanceof z.ZodError) return `a value did not match its schema (at ${schemaPlace(error)})`;
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first || "an error without a message";
}
