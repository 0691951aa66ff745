/**
 * Reads the benefit-code file (CSV: code,group,label) that maps every DREAM-style
 * benefit code to a group — public_support, su, flex_job, … — so the mapping is
 * data the municipality can change, not code.
 */
import { messages } from "../messages.ts";
import { stopRun } from "../shared/issues.ts";
import type { BenefitCodes, RawRow } from "./schema.ts";

export async function parseBenefitCodes(rows: AsyncIterable<RawRow>, file: string, absentGroup: string): Promise<BenefitCodes> {
  const groupOfCode = new Map<string, string>();
  let header: string[] | null = null;
  for await (const row of rows) {
    if ("malformed" in row) stopRun("benefit_codes_invalid", file, messages.benefitCodesInvalid(file, row.line, row.malformed));
    const cells = row.fields.map((cell) => cell.trim());
    if (header === null) {
      header = cells;
      if (!header.includes("code") || !header.includes("group")) {
        stopRun("benefit_codes_invalid", file, messages.benefitCodesInvalid(file, row.line, "the header must have the columns code and group"));
      }
      continue;
    }
    const code = cells[header.indexOf("code")] ?? "";
    const group = cells[header.indexOf("group")] ?? "";
    if (code === "" || group === "") stopRun("benefit_codes_invalid", file, messages.benefitCodesInvalid(file, row.line, "code and group must both be given"));
    if (groupOfCode.has(code)) stopRun("benefit_codes_invalid", file, messages.benefitCodesInvalid(file, row.line, `code ${code} is listed twice`));
    groupOfCode.set(code, group);
  }
  if (header === null) stopRun("benefit_codes_invalid", file, messages.extractEmpty(file));
  return { groupOfCode, absentGroup };
}

/** Every group the file names, plus the group of a week without a code. */
export function knownGroups(codes: BenefitCodes): string[] {
  return [...new Set([...codes.groupOfCode.values(), codes.absentGroup])].sort();
}
