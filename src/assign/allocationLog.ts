/**
 * The allocation log: CSV, one line per person, each line carrying a SHA-256 chained
 * to the previous one; the seed and algorithm stand in its header. Anyone can
 * recompute the chain (and, from seed and roster, the allocation) to see that no line
 * was changed, deleted or inserted.
 *
 *   hash₀ = SHA-256(header text, up to and including the column line)
 *   hashᵢ = SHA-256(hashᵢ₋₁ + "\n" + line i as CSV without its sha256 field)
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { messages } from "../messages.ts";
import { csvLine, fromCsvCell } from "../shared/csv.ts";
import type { AllocationLine } from "./schema.ts";

export const LOG_COLUMNS = ["line", "person_id", "batch", "block", "arm", "time", "sha256"] as const;
/** A cluster-randomised log: the person's cluster stands beside the block (and is hashed with the line). */
export const CLUSTER_LOG_COLUMNS = ["line", "person_id", "batch", "block", "cluster", "arm", "time", "sha256"] as const;

export interface LogHeader {
  readonly algorithm: string;
  readonly seed: number;
  /** "control:1, treatment:1", in the spec's arm order. */
  readonly arms: string;
  readonly blocks: string;
  /** Cluster randomisation: the population column the clusters come from (absent: persons are the units). */
  readonly clusters?: string;
}

export function headerText(header: LogHeader): string {
  return (
    [
      "# effekt allocation log, format 1",
      `# algorithm: ${header.algorithm}`,
      `# seed: ${header.seed}`,
      `# arms: ${header.arms}`,
      `# blocks: ${header.blocks}`,
      ...(header.clusters === undefined ? [] : [`# clusters: ${header.clusters}`]),
    ].join("\n") +
    "\n" +
    (header.clusters === undefined ? LOG_COLUMNS : CLUSTER_LOG_COLUMNS).join(",") +
    "\n"
  );
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The CSV text of a line without its hash, as the chain hashes it. */
export function lineText(line: Omit<AllocationLine, "sha256">): string {
  if (line.cluster !== undefined) return csvLine([line.line, line.personId, line.batch, line.block, line.cluster, line.arm, line.time]);
  return csvLine([line.line, line.personId, line.batch, line.block, line.arm, line.time]);
}

/** Chains new lines onto `previousHash` (the header's hash for a new log). */
export function chainLines(previousHash: string, lines: readonly Omit<AllocationLine, "sha256">[]): AllocationLine[] {
  let hash = previousHash;
  return lines.map((line) => {
    hash = sha256(`${hash}\n${lineText(line)}`);
    return { ...line, sha256: hash };
  });
}

export function headerHash(text: string): string {
  return sha256(text);
}

/** The whole log as text. */
export function formatLog(header: string, lines: readonly AllocationLine[]): string {
  return header + lines.map((line) => `${lineText(line)},${line.sha256}\n`).join("");
}

export interface ParsedLog {
  readonly header: LogHeader | null;
  readonly headerText: string;
  readonly lines: AllocationLine[];
  /** Problems reading the log itself (not chain or allocation mismatches). */
  readonly problems: string[];
}

/** Reads a log's text: the # header, then the CSV lines. */
export function parseLog(text: string): ParsedLog {
  const problems: string[] = [];
  const rows = text.split("\n");
  const headerLines: string[] = [];
  while (rows.length > 0 && rows[0]!.startsWith("#")) headerLines.push(rows.shift()!);
  const columnLine = rows.shift() ?? "";
  const fields = Object.fromEntries(
    headerLines.slice(1).map((line) => {
      const match = /^# ([a-z]+): (.*)$/.exec(line);
      return match ? [match[1]!, match[2]!] : ["", ""];
    }),
  );
  const seed = Number(fields.seed);
  const header =
    headerLines[0] === "# effekt allocation log, format 1" && fields.algorithm && Number.isInteger(seed) && fields.arms !== undefined && fields.blocks !== undefined
      ? { algorithm: fields.algorithm, seed, arms: fields.arms, blocks: fields.blocks, ...(fields.clusters !== undefined ? { clusters: fields.clusters } : {}) }
      : null;
  const clustered = fields.clusters !== undefined;
  const columns = clustered ? CLUSTER_LOG_COLUMNS : LOG_COLUMNS;
  if (!header) problems.push("the header is not an effekt allocation log header (format 1 with algorithm, seed, arms and blocks)");
  if (columnLine !== columns.join(",")) problems.push(`the column line is not ${columns.join(",")}`);
  const body = rows.join("\n");
  let records: string[][] = [];
  try {
    records = parse(body, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    problems.push(`the lines are not valid CSV: ${messages.malformedReason((error as { code?: string }).code)}`);
  }
  // The fields as written, before csvLine kept a formula out (the chain hashes lineText of them, which puts it back).
  records = records.map((r) => r.map(fromCsvCell));
  const lines = records.map((r) =>
    clustered
      ? { line: Number(r[0]), personId: r[1] ?? "", batch: r[2] ?? "", block: r[3] ?? "", cluster: r[4] ?? "", arm: r[5] ?? "", time: r[6] ?? "", sha256: r[7] ?? "" }
      : { line: Number(r[0]), personId: r[1] ?? "", batch: r[2] ?? "", block: r[3] ?? "", arm: r[4] ?? "", time: r[5] ?? "", sha256: r[6] ?? "" },
  );
  return { header, headerText: headerLines.join("\n") + "\n" + columnLine + "\n", lines, problems };
}

/** The first line whose number or hash is not what the chain says, or null when the chain holds. */
export function firstBrokenLine(parsed: ParsedLog): { line: number; position: number; reason: string } | null {
  let hash = headerHash(parsed.headerText);
  for (let i = 0; i < parsed.lines.length; i += 1) {
    const line = parsed.lines[i]!;
    if (line.line !== i + 1) {
      return { line: line.line, position: i + 1, reason: `line number ${line.line} where ${i + 1} was expected: a line before it was deleted or inserted` };
    }
    hash = sha256(`${hash}\n${lineText(line)}`);
    if (hash !== line.sha256) {
      return { line: line.line, position: i + 1, reason: "its sha256 does not match the chain: this line (or the header, for line 1) was changed" };
    }
  }
  return null;
}
