/**
 * Allocation mode "existing": an allocation made elsewhere, read and validated like an
 * extract. Lines naming an unknown arm or a person not in the population are refused
 * and listed; a person listed twice was quarantined at reading and is listed here.
 */
import { isoDate } from "../../shared/dates.ts";
import { NOTHING_ELSE, type Allocation, type AllocationInput, type Assigned, type DesignOf, type IssueRow } from "./allocation.ts";

type Design = DesignOf<"existing">;

export function existing(design: Design, input: AllocationInput): Allocation {
  const records = input.existingAllocation?.records ?? [];
  const rosterOf = new Map(input.roster.map((r) => [r.personId, r]));
  const assigned = new Map<string, Assigned>();
  const issues: IssueRow[] = [];
  const unknownArm: string[] = [];
  const notEnrolled: string[] = [];
  const duplicates: string[] = [];
  for (const record of records) {
    if (!input.arms.some((a) => a.name === record.arm)) {
      unknownArm.push(record.personId);
      issues.push([record.personId, "known_arm", `arm '${record.arm}' is not one of ${input.arms.map((a) => a.name).join(", ")}`]);
      continue;
    }
    const entry = rosterOf.get(record.personId);
    if (!entry) {
      notEnrolled.push(record.personId);
      issues.push([record.personId, "only_enrolled_assigned", "assigned but not in the population"]);
      continue;
    }
    assigned.set(record.personId, {
      arm: record.arm,
      batch: record.batch ?? entry.batch,
      block: design.blocks.length > 0 ? entry.block : (record.block ?? "all"),
      time: record.time === null ? null : isoDate(record.time),
    });
  }
  for (const entry of input.existingAllocation?.quarantine ?? []) {
    if (entry.rule === "duplicate_person") {
      duplicates.push(entry.value);
      issues.push([entry.value, "no_one_twice", `listed again on line ${entry.line} of the allocation file`]);
    }
  }
  return { ...NOTHING_ELSE, assigned, issues, duplicates, notEnrolled, unknownArm };
}
