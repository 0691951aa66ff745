/**
 * The chunks of permutationChunks.js across threads (node:worker_threads): the problem is
 * copied once into shared memory; this thread and every worker take the next chunk from a
 * shared counter and write its count into the chunk's own slot; this thread waits
 * (Atomics.wait, so the caller stays synchronous) until every slot is filled, and adds
 * them in chunk order. The result depends on the chunks alone, never on the threads: a
 * worker that fails to start simply takes no chunks, and a chunk a worker took but did not
 * finish within 30 s of no progress is computed here, to the same count.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { seededRandom } from "../shared/random.ts";
import { waitForThreads } from "../shared/waitForThreads.ts";
import { chunkCount, DONE, DONE_BY_WORKER, extremeInChunk, newScratch, problemFromShared, shareProblem, takeChunks, type PermutationProblem } from "./permutationChunks.js";

/** Below this many unit-draws (units × draws) one thread does it all: starting a worker costs more. */
export const PARALLEL_MINIMUM_WORK = 50_000_000;

/**
 * The xoshiro128** state of every chunk's stream: chunk c's is the first four outputs of
 * seededRandom((first output of seededRandom(seed) + c · 0x9E3779B9) mod 2³²).
 */
export function chunkStates(seed: number, permutations: number): Int32Array {
  const chunks = chunkCount(permutations);
  const base = seededRandom(seed).nextUint32();
  const states = new Int32Array(4 * chunks);
  for (let c = 0; c < chunks; c += 1) {
    const stream = seededRandom((base + Math.imul(c, 0x9e3779b9)) >>> 0);
    for (let w = 0; w < 4; w += 1) states[4 * c + w] = stream.nextUint32() | 0;
  }
  return states;
}

/**
 * The total count of extreme draws over every chunk, using `threads` threads (this one included);
 * `chunksByWorkers` says how many chunks the workers computed. `onlyWorkers` leaves every chunk to the
 * workers (the tests use it to hold them to this thread's count).
 */
export function countExtremeDraws(problem: PermutationProblem, threads = defaultThreads(problem), onlyWorkers = false): { extreme: number; chunksByWorkers: number } {
  const chunks = chunkCount(problem.permutations);
  const workers = Math.max(0, Math.min(threads, chunks) - 1);
  const counts = new Int32Array(new SharedArrayBuffer(4 * chunks));
  const status = new Int32Array(new SharedArrayBuffer(4 * chunks));
  // control[0]: the next chunk to take; control[1]: chunks done (for Atomics.wait).
  const control = new Int32Array(new SharedArrayBuffer(8));
  const shared = workers > 0 ? shareProblem(problem) : null;
  const started: Worker[] = [];
  for (let w = 0; w < workers; w += 1) {
    try {
      const worker = new Worker(new URL("./permutationWorker.js", import.meta.url), { workerData: { problem: shared, counts: counts.buffer, status: status.buffer, control: control.buffer } });
      worker.on("error", () => {});
      worker.unref();
      started.push(worker);
    } catch {
      break;
    }
  }
  if (!onlyWorkers || started.length === 0) takeChunks(shared ? problemFromShared(shared) : problem, counts, status, control, DONE);
  waitForThreads(control, chunks, () => {
    const scratch = newScratch(problem);
    for (let c = 0; c < chunks; c += 1) if (Atomics.load(status, c) < DONE) counts[c] = extremeInChunk(problem, c, scratch);
  });
  for (const worker of started) void worker.terminate();
  let extreme = 0;
  let chunksByWorkers = 0;
  for (let c = 0; c < chunks; c += 1) {
    extreme += counts[c]!;
    if (status[c] === DONE_BY_WORKER) chunksByWorkers += 1;
  }
  return { extreme, chunksByWorkers };
}

function defaultThreads(problem: PermutationProblem): number {
  return problem.y.length * problem.permutations >= PARALLEL_MINIMUM_WORK ? availableParallelism() : 1;
}
