/** Types of permutationChunks.js (plain JavaScript so worker threads load it without tsx). */

/** Everything a chunk needs, in flat typed arrays (shared with worker threads as they are). */
export interface PermutationProblem {
  /** The outcome per unit. */
  readonly y: Float64Array;
  /** Units grouped by stratum, each stratum's units in table order. */
  readonly members: Int32Array;
  /** Per stratum: the offset of its units in `members`, their number, and how many are treated. */
  readonly strataStart: Int32Array;
  readonly strataSize: Int32Array;
  readonly strataTreated: Int32Array;
  /** Estimator block per unit (all 0 when unblocked), the block's size, treated count and outcome total. */
  readonly blockOf: Int32Array;
  readonly blockSize: Float64Array;
  readonly blockTreated: Float64Array;
  readonly blockTotal: Float64Array;
  /** The xoshiro128** state of each chunk's stream: four 32-bit words per chunk. */
  readonly chunkStates: Int32Array;
  /** The observed statistic and the tolerance of the comparison |T*| ≥ |T| − tolerance. */
  readonly observed: number;
  readonly tolerance: number;
  readonly permutations: number;
}

export const DRAWS_PER_CHUNK: number;
export const DONE: number;
export const DONE_BY_WORKER: number;
export function chunkCount(permutations: number): number;
export interface Scratch { readonly units: Int32Array; readonly values: Float64Array; readonly sumT: Float64Array }
export function newScratch(problem: PermutationProblem): Scratch;
export function extremeInChunk(problem: PermutationProblem, chunk: number, scratch: Scratch): number;
export function takeChunks(problem: PermutationProblem, counts: Int32Array, status: Int32Array, control: Int32Array, mark: number): void;
export function shareProblem(problem: PermutationProblem): Record<string, number | SharedArrayBuffer>;
export function problemFromShared(shared: Record<string, number | SharedArrayBuffer>): PermutationProblem;
