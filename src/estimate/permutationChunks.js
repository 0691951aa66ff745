// @ts-check
/**
 * The Monte-Carlo draws of randomisation inference, in fixed chunks of DRAWS_PER_CHUNK
 * draws whose random streams are decided by the chunk's index alone — so the count of
 * extreme draws is the same whichever thread computes which chunk, and however many
 * threads there are (permutationWorkers.ts).
 *
 * Chunk c: xoshiro128** whose state is the first four outputs of seededRandom(s_c),
 * s_c = (first output of seededRandom(seed) + c · 0x9E3779B9) mod 2³² (computed by
 * permutationWorkers.ts: `chunkStates`); the units of each stratum start in table order;
 * each draw re-randomises every stratum by a partial Fisher–Yates that picks its treated
 * units, the index in [0, range) drawn by Lemire's multiply-and-reject (unbiased; the
 * modulo rejection of shared/random.ts for strata of more than 2²¹ units, where the
 * product would pass 2⁵³).
 *
 * Plain JavaScript with no imports, typed by the JSDoc below (`// @ts-check`, tsconfig `allowJs`): a worker
 * thread does not inherit the tsx loader, and registering it costs each worker about half a second.
 */

/**
 * Everything a chunk needs, in flat typed arrays (shared with worker threads as they are): the outcome per unit
 * (`y`); the units grouped by stratum, each stratum's units in table order (`members`); per stratum the offset of
 * its units in `members`, their number and how many are treated; the estimator block per unit (all 0 when
 * unblocked), each block's size, treated count and outcome total; the xoshiro128** state of each chunk's stream
 * (four 32-bit words per chunk); the observed statistic and the tolerance of the comparison |T*| ≥ |T| − tolerance.
 * @typedef {{
 *   readonly y: Float64Array; readonly members: Int32Array;
 *   readonly strataStart: Int32Array; readonly strataSize: Int32Array; readonly strataTreated: Int32Array;
 *   readonly blockOf: Int32Array; readonly blockSize: Float64Array; readonly blockTreated: Float64Array; readonly blockTotal: Float64Array;
 *   readonly chunkStates: Int32Array; readonly observed: number; readonly tolerance: number; readonly permutations: number;
 * }} PermutationProblem
 */

/**
 * One slot per unit (units, values) and per block (sumT), reused by every draw of a thread.
 * @typedef {{ readonly units: Int32Array; readonly values: Float64Array; readonly sumT: Float64Array }} Scratch
 */

// Reads of typed arrays below are within bounds the loops compute; `/** @type {number} */ (x[i])` says so to the
// type checker (noUncheckedIndexedAccess) and costs nothing at run time (a comment).

export const DRAWS_PER_CHUNK = 50;

const TWO_32 = 4294967296;
const INVERSE_TWO_32 = 1 / TWO_32; // exact: a power of two
const LEMIRE_LIMIT = 2097152;

/** @param {number} permutations */
export function chunkCount(permutations) {
  return Math.ceil(permutations / DRAWS_PER_CHUNK);
}

/**
 * The number of draws in chunk `chunk` whose statistic is defined and at least as extreme as the observed one.
 * @param {PermutationProblem} problem
 * @param {number} chunk
 * @param {Scratch} scratch
 */
// numerical kernel: the draws' inner loops (an inlined xoshiro128** and Lemire's rejection) kept in one function, state in locals
export function extremeInChunk(problem, chunk, scratch) {
  const { units, values, sumT } = scratch;
  const { y, members, strataStart, strataSize, strataTreated, blockOf, blockSize, blockTreated, blockTotal, chunkStates } = problem;
  const blocks = blockSize.length;
  let informative = 0;
  for (let b = 0; b < blocks; b += 1) {
    const treated = /** @type {number} */ (blockTreated[b]);
    const size = /** @type {number} */ (blockSize[b]);
    if (treated > 0 && treated < size) informative += size;
  }
  const threshold = Math.abs(problem.observed) - problem.tolerance;
  let sa = /** @type {number} */ (chunkStates[4 * chunk]) | 0;
  let sb = /** @type {number} */ (chunkStates[4 * chunk + 1]) | 0;
  let sc = /** @type {number} */ (chunkStates[4 * chunk + 2]) | 0;
  let sd = /** @type {number} */ (chunkStates[4 * chunk + 3]) | 0;
  if ((sa | sb | sc | sd) === 0) sd = 1;
  const single = blocks === 1;
  if (single) for (let i = 0; i < members.length; i += 1) values[i] = /** @type {number} */ (y[/** @type {number} */ (members[i])]);
  else units.set(members);
  const first = chunk * DRAWS_PER_CHUNK;
  const last = Math.min(problem.permutations, first + DRAWS_PER_CHUNK);
  let extreme = 0;
  for (let draw = first; draw < last; draw += 1) {
    sumT.fill(0);
    let treatedSum = 0;
    for (let s = 0; s < strataStart.length; s += 1) {
      const start = /** @type {number} */ (strataStart[s]);
      const size = /** @type {number} */ (strataSize[s]);
      const m = /** @type {number} */ (strataTreated[s]);
      for (let k = 0; k < m; k += 1) {
        const range = size - k;
        let j;
        // xoshiro128** inlined: one 32-bit output per step, its state in locals.
        let r = Math.imul(sb, 5);
        let x = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        let t = sb << 9;
        sc ^= sa; sd ^= sb; sb ^= sc; sa ^= sd; sc ^= t; sd = (sd << 11) | (sd >>> 21);
        if (range <= LEMIRE_LIMIT) {
          let product = x * range;
          let low = product - Math.floor(product * INVERSE_TWO_32) * TWO_32;
          if (low < range) {
            const reject = (TWO_32 - range) % range;
            while (low < reject) {
              r = Math.imul(sb, 5);
              x = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
              t = sb << 9;
              sc ^= sa; sd ^= sb; sb ^= sc; sa ^= sd; sc ^= t; sd = (sd << 11) | (sd >>> 21);
              product = x * range;
              low = product - Math.floor(product * INVERSE_TWO_32) * TWO_32;
            }
          }
          j = k + Math.floor(product * INVERSE_TWO_32);
        } else {
          const limit = Math.floor(TWO_32 / range) * range;
          while (x >= limit) {
            r = Math.imul(sb, 5);
            x = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
            t = sb << 9;
            sc ^= sa; sd ^= sb; sb ^= sc; sa ^= sd; sc ^= t; sd = (sd << 11) | (sd >>> 21);
          }
          j = k + (x % range);
        }
        if (single) {
          // One block: permute the outcomes themselves (the same units, in the same order, as below).
          const value = /** @type {number} */ (values[start + j]);
          values[start + j] = /** @type {number} */ (values[start + k]);
          values[start + k] = value;
          treatedSum += value;
        } else {
          const chosen = /** @type {number} */ (units[start + j]);
          units[start + j] = /** @type {number} */ (units[start + k]);
          units[start + k] = chosen;
          const block = /** @type {number} */ (blockOf[chosen]);
          sumT[block] = /** @type {number} */ (sumT[block]) + /** @type {number} */ (y[chosen]);
        }
      }
    }
    if (single) sumT[0] = treatedSum;
    // Strata holding one arm only compare nothing (re-randomising within them keeps it so): left out of the statistic.
    let estimate = 0;
    for (let b = 0; b < blocks; b += 1) {
      const nT = /** @type {number} */ (blockTreated[b]);
      const size = /** @type {number} */ (blockSize[b]);
      const nC = size - nT;
      const sum = /** @type {number} */ (sumT[b]);
      if (nT > 0 && nC > 0) estimate += (size / informative) * (sum / nT - (/** @type {number} */ (blockTotal[b]) - sum) / nC);
    }
    if (informative > 0 && Math.abs(estimate) >= threshold) extreme += 1;
  }
  return extreme;
}

/** @param {PermutationProblem} problem @returns {Scratch} */
export function newScratch(problem) {
  return { units: new Int32Array(problem.members.length), values: new Float64Array(problem.members.length), sumT: new Float64Array(problem.blockSize.length) };
}

const FREE = 0;
const DONE = 2;
const DONE_BY_WORKER = 3;

/**
 * Takes the next chunk from control[0] until none is left; writes its count into counts[c],
 * marks status[c] done, counts it in control[1] and wakes the waiting thread.
 * @param {PermutationProblem} problem
 * @param {Int32Array} counts @param {Int32Array} status @param {Int32Array} control
 * @param {number} mark the status a finished chunk gets: DONE here, DONE_BY_WORKER in a worker
 */
export function takeChunks(problem, counts, status, control, mark) {
  const chunks = chunkCount(problem.permutations);
  const scratch = newScratch(problem);
  for (;;) {
    const c = Atomics.add(control, 0, 1);
    if (c >= chunks) return;
    if (Atomics.load(status, c) !== FREE) continue;
    counts[c] = extremeInChunk(problem, c, scratch);
    Atomics.store(status, c, mark);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
}

const FLOAT_FIELDS = ["y", "blockSize", "blockTreated", "blockTotal"];
const INTEGER_FIELDS = ["members", "strataStart", "strataSize", "strataTreated", "blockOf", "chunkStates"];
const NUMBER_FIELDS = ["observed", "tolerance", "permutations"];

/**
 * The problem copied into shared memory, for worker threads.
 * @param {PermutationProblem} problem
 * @returns {Record<string, number | SharedArrayBuffer>}
 */
export function shareProblem(problem) {
  /** @type {Record<string, number | SharedArrayBuffer>} */
  const out = {};
  for (const key of [...FLOAT_FIELDS, ...INTEGER_FIELDS]) {
    const array = /** @type {Float64Array | Int32Array} */ (problem[/** @type {keyof typeof problem} */ (key)]);
    const buffer = new SharedArrayBuffer(array.byteLength);
    new Uint8Array(buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    out[key] = buffer;
  }
  for (const key of NUMBER_FIELDS) out[key] = /** @type {number} */ (problem[/** @type {keyof typeof problem} */ (key)]);
  return out;
}

/**
 * Typed views of a shared problem.
 * @param {Record<string, number | SharedArrayBuffer>} shared
 * @returns {PermutationProblem}
 */
export function problemFromShared(shared) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of FLOAT_FIELDS) out[key] = new Float64Array(/** @type {SharedArrayBuffer} */ (shared[key]));
  for (const key of INTEGER_FIELDS) out[key] = new Int32Array(/** @type {SharedArrayBuffer} */ (shared[key]));
  for (const key of NUMBER_FIELDS) out[key] = shared[key];
  return /** @type {PermutationProblem} */ (/** @type {unknown} */ (out));
}

export { DONE, DONE_BY_WORKER };
