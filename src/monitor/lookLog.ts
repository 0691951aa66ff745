/**
 * The look log: CSV beside the spec, one line per look of the monitoring plan, each carrying a
 * SHA-256 chained to the line before (as the allocation log, src/assign/allocationLog.ts), so a
 * look already taken — its date, information, α spent and boundary — can never be changed,
 * removed or slipped in without the chain saying where.
 *
 *   hash₀ = SHA-256(header text, up to and including the column line)
 *   hashᵢ = SHA-256(hashᵢ₋₁ + "\n" + line i as CSV without its sha256 field)
 */
import { createHash } from "node:crypto";
import { csvLine } from "../shared/csv.ts";
import { LookRecord } from "./schema.ts";

export const LOOK_COLUMNS = ["look", "as_of", "information", "fraction", "alpha_spent", "boundary_z", "nominal_p", "estimate", "z", "p", "crossed", "sha256"] as const;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The header: what the looks were taken under. */
export function lookLogHeader(evaluation: string, outcome: string, plan: string): string {
  return ["# effekt look log, format 1", `# evaluation: ${evaluation}`, `# primary outcome: ${outcome}`, `# plan: ${plan}`, LOOK_COLUMNS.join(",")].join("\n") + "\n";
}

/** Numbers as JavaScript writes them (they read back exactly; Infinity for a look that may spend nothing). */
function lineText(record: Omit<LookRecord, "sha256">): string {
  return csvLine([record.look, record.asOf, record.information, record.fraction, record.alphaSpent, record.boundary, record.nominalP, record.estimate, record.z, record.p, String(record.crossed)]);
}

/** The record with its hash chained onto `previousHash`. */
export function chainLook(previousHash: string, record: Omit<LookRecord, "sha256">): LookRecord {
  return { ...record, sha256: sha256(`${previousHash}\n${lineText(record)}`) };
}

export function formatLookLog(header: string, records: readonly LookRecord[]): string {
  return header + records.map((record) => `${lineText(record)},${record.sha256}\n`).join("");
}

export interface ParsedLookLog {
  readonly header: string;
  readonly records: LookRecord[];
  /** The first line (1-based, in the file) that breaks the chain or cannot be read, and why. */
  readonly broken: { readonly line: number; readonly reason: string } | null;
}

/** Reads a look log and checks its chain; a broken line is named, never quoted. */
export function parseLookLog(text: string): ParsedLookLog {
  const lines = text.split(/\r?\n/);
  const columnLine = lines.findIndex((line) => !line.startsWith("#"));
  if (columnLine < 0 || lines[columnLine] !== LOOK_COLUMNS.join(",")) return { header: "", records: [], broken: { line: Math.max(1, columnLine + 1), reason: "the column line of a look log is missing" } };
  const header = lines.slice(0, columnLine + 1).join("\n") + "\n";
  let previous = sha256(header);
  const records: LookRecord[] = [];
  for (let i = columnLine + 1; i < lines.length; i += 1) {
    if (lines[i] === "") continue;
    const fields = lines[i]!.split(",");
    const parsed = LookRecord.safeParse({
      look: Number(fields[0]),
      asOf: fields[1],
      information: Number(fields[2]),
      fraction: Number(fields[3]),
      alphaSpent: Number(fields[4]),
      boundary: Number(fields[5]),
      nominalP: Number(fields[6]),
      estimate: Number(fields[7]),
      z: Number(fields[8]),
      p: Number(fields[9]),
      crossed: fields[10] === "true" ? true : fields[10] === "false" ? false : null,
      sha256: fields[11],
    });
    if (fields.length !== LOOK_COLUMNS.length || !parsed.success) return { header, records, broken: { line: i + 1, reason: "the line is not a look (12 fields: look … sha256)" } };
    const { sha256: _, ...record } = parsed.data;
    const expected = chainLook(previous, record);
    if (expected.sha256 !== parsed.data.sha256) return { header, records, broken: { line: i + 1, reason: "the line was changed, or a line before it was removed or inserted: its SHA-256 does not follow from the chain" } };
    if (record.look !== records.length + 1 || (records.length > 0 && record.asOf <= records.at(-1)!.asOf)) return { header, records, broken: { line: i + 1, reason: "looks must be numbered 1, 2, … in date order" } };
    records.push(parsed.data);
    previous = parsed.data.sha256;
  }
  return { header, records, broken: null };
}

/** The hash the next look chains onto. */
export function chainHeadOf(log: ParsedLookLog): string {
  return log.records.at(-1)?.sha256 ?? sha256(log.header);
}
