/**
 * The allocation modes, one file each, collected so that a mode the spec names without
 * an allocator does not compile.
 */
import { existing } from "./existing.ts";
import { matched } from "./matched.ts";
import { randomise } from "./randomise.ts";
import type { Allocation, AllocationInput, AllocationMode, Allocator } from "./allocation.ts";
import type { AssignmentSpec } from "../../spec/schema.ts";

export const allocators = { randomise, matched, existing } satisfies { [M in AllocationMode]: Allocator<M> };

/** The allocation the spec's mode decides. */
export function allocate(design: AssignmentSpec, input: AllocationInput): Allocation {
  // The record pairs each mode with its allocator; TypeScript cannot correlate the two through the index.
  const allocator = allocators[design.mode] as Allocator<AllocationMode> as (design: AssignmentSpec, input: AllocationInput) => Allocation;
  return allocator(design, input);
}
