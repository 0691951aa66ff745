/**
 * Reads the benefit-code file (CSV: code,group,label) that maps every DREAM-style
 * benefit code to a group — public_support, su, flex_job, … — so the mapping is
 * data the municipality can change, not code.
 */
import { messages } from "../messages.ts";
import { issue, stopRun } from "../shared/issues.ts";
import type { BenefitCodes, RawRow } from "./schema.ts";

export async function parseBenefitCodes(rows: AsyncIterable<RawRow>, file: string, absentGroup: string): Promise<BenefitCodes> {
  const groupOfCode = new Map<string, string>();
  let header: string[] | null = null;
  for await (const row of rows) {
    if ("malformed" in row) stopRun(issue("benefit_codes_invalid", row.malformed, { file, path: [], line: row.line }));
    const cells = row.fields.map((cell) => cell.trim());
    if (header === null) {
      header = cells;
      if (!header.includes("code") || !header.includes("group")) {
        stopRun(issue("benefit_codes_invalid", "the header must have the columns code and group", { file, path: [], line: row.line }));
      }
      continue;
    }
    const code = cells[header.indexOf("code")] ?? "";
    const group = cells[header.indexOf("group")] ?? "";
    if (code === "" || group === "") stopRun(issue("benefit_codes_invalid", "code and group must both be given", { file, path: [], line: row.line }));
    if (groupOfCode.has(code)) stopRun(issue("benefit_codes_invalid", `code ${code} is listed twice`, { file, path: [], line: row.line }));
    groupOfCode.set(code, group);
  }
  if (header === null) stopRun(issue("benefit_codes_invalid", messages.extractEmpty(), { file, path: [] }));
  return { groupOfCode, absentGroup };
}

/** Every group the file names, plus the group of a week without a code. */
export function knownGroups(codes: BenefitCodes): string[] {
  return [...new Set([...codes.groupOfCode.values(), codes.absentGroup])].sort();
}
