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
 * Plain JavaScript with no imports (types in permutationChunks.d.ts): a worker thread does
 * not inherit the tsx loader, and registering it costs each worker about half a second.
 */

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
 * @param {import("./permutationChunks.d.ts").PermutationProblem} problem
 * @param {number} chunk
 * @param {{ units: Int32Array, values: Float64Array, sumT: Float64Array }} scratch one slot per unit (units, values) and per block (sumT)
 */
export function extremeInChunk(problem, chunk, scratch) {
  const { units, values, sumT } = scratch;
  const { y, members, strataStart, strataSize, strataTreated, blockOf, blockSize, blockTreated, blockTotal, chunkStates } = problem;
  const blocks = blockSize.length;
  let informative = 0;
  for (let b = 0; b < blocks; b += 1) if (blockTreated[b] > 0 && blockTreated[b] < blockSize[b]) informative += blockSize[b];
  const threshold = Math.abs(problem.observed) - problem.tolerance;
  let sa = chunkStates[4 * chunk] | 0;
  let sb = chunkStates[4 * chunk + 1] | 0;
  let sc = chunkStates[4 * chunk + 2] | 0;
  let sd = chunkStates[4 * chunk + 3] | 0;
  if ((sa | sb | sc | sd) === 0) sd = 1;
  const single = blocks === 1;
  if (single) for (let i = 0; i < members.length; i += 1) values[i] = y[members[i]];
  else units.set(members);
  const first = chunk * DRAWS_PER_CHUNK;
  const last = Math.min(problem.permutations, first + DRAWS_PER_CHUNK);
  let extreme = 0;
  for (let draw = first; draw < last; draw += 1) {
    sumT.fill(0);
    let treatedSum = 0;
    for (let s = 0; s < strataStart.length; s += 1) {
      const start = strataStart[s];
      const size = strataSize[s];
      const m = strataTreated[s];
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
          const value = values[start + j];
          values[start + j] = values[start + k];
          values[start + k] = value;
          treatedSum += value;
        } else {
          const chosen = units[start + j];
          units[start + j] = units[start + k];
          units[start + k] = chosen;
          sumT[blockOf[chosen]] += y[chosen];
        }
      }
    }
    if (single) sumT[0] = treatedSum;
    // Strata holding one arm only compare nothing (re-randomising within them keeps it so): left out of the statistic.
    let estimate = 0;
    for (let b = 0; b < blocks; b += 1) {
      const nT = blockTreated[b];
      const nC = blockSize[b] - nT;
      if (nT > 0 && nC > 0) estimate += (blockSize[b] / informative) * (sumT[b] / nT - (blockTotal[b] - sumT[b]) / nC);
    }
    if (informative > 0 && Math.abs(estimate) >= threshold) extreme += 1;
  }
  return extreme;
}

/** @param {import("./permutationChunks.d.ts").PermutationProblem} problem */
export function newScratch(problem) {
  return { units: new Int32Array(problem.members.length), values: new Float64Array(problem.members.length), sumT: new Float64Array(problem.blockSize.length) };
}

const FREE = 0;
const DONE = 2;
const DONE_BY_WORKER = 3;

/**
 * Takes the next chunk from control[0] until none is left; writes its count into counts[c],
 * marks status[c] done, counts it in control[1] and wakes the waiting thread.
 * @param {import("./permutationChunks.d.ts").PermutationProblem} problem
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
 * @param {import("./permutationChunks.d.ts").PermutationProblem} problem
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
 * @returns {import("./permutationChunks.d.ts").PermutationProblem}
 */
export function problemFromShared(shared) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of FLOAT_FIELDS) out[key] = new Float64Array(/** @type {SharedArrayBuffer} */ (shared[key]));
  for (const key of INTEGER_FIELDS) out[key] = new Int32Array(/** @type {SharedArrayBuffer} */ (shared[key]));
  for (const key of NUMBER_FIELDS) out[key] = shared[key];
  return /** @type {import("./permutationChunks.d.ts").PermutationProblem} */ (/** @type {unknown} */ (out));
}

export { DONE, DONE_BY_WORKER };
