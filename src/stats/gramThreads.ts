/**
 * The passes of gramStripes.js over every core (node:worker_threads): the design's arrays are
 * copied once per fit into shared memory; the worker threads are started once and kept (unref'd,
 * so they never hold the process) for the fits that follow; for each pass this thread and every worker take the next
 * stripe from a shared counter and write its sums into the stripe's own slot; this thread
 * waits (Atomics.wait, so the caller stays synchronous) until every slot is filled, and adds
 * them in stripe order. The result depends on the stripes alone, never on the threads: a
 * worker that fails to start simply takes no stripes, and a stripe a worker took but did not
 * finish within 30 s of no progress is computed here, to the same sums.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { resultLength, runStripe, stripeCount, takeStripes, type Pass, type StripeColumn } from "./gramStripes.js";
import type { DesignColumn } from "./gramLeastSquares.ts";
import { waitForThreads } from "../shared/waitForThreads.ts";

/** Below this many rows one thread does every pass: starting a worker and copying the columns cost more. */
export const PARALLEL_MINIMUM_ROWS = 200_000;

const DONE = 1;
/** The mark a worker gives the stripes it computed (gramStripeWorker.js). */
const BY_WORKER = 2;

export type PassRequest = Omit<Pass, "arrays" | "n" | "columns"> & { readonly design: readonly DesignColumn[] };

/** The worker threads, started on first use and kept for later fits. */
const pool: Worker[] = [];

function poolOf(size: number): Worker[] {
  while (pool.length < size) {
    try {
      const worker = new Worker(new URL("./gramStripeWorker.js", import.meta.url));
      // A worker that fails leaves the pool: its stripes are taken by the others, or by this thread.
      worker.on("error", () => pool.splice(pool.indexOf(worker) >>> 0, 1));
      worker.unref();
      pool.push(worker);
    } catch {
      break;
    }
  }
  return pool.slice(0, size);
}

/**
 * Starts the worker threads now, for large fits that are to follow (a large table being read): they are
 * then ready when the first fit begins. Nothing else changes.
 */
export function warmStripeThreads(): void {
  poolOf(availableParallelism() - 1);
}

export class StripeThreads {
  private readonly workers: Worker[];
  private readonly arrays: ArrayLike<number>[];
  private readonly indexOf: Map<ArrayLike<number>, number>;

  /** Stripes the workers computed, over every pass so far (the tests use it). */
  stripesByWorkers = 0;

  /**
   * @param sources every array a pass may read (the design's columns and the outcome)
   * @param threads this one included; by default every core from PARALLEL_MINIMUM_ROWS rows on
   * @param onlyWorkers leave every stripe to the workers (the tests use it to hold them to this thread's sums)
   */
  constructor(
    sources: readonly ArrayLike<number>[],
    private readonly n: number,
    threads = n >= PARALLEL_MINIMUM_ROWS ? availableParallelism() : 1,
    private readonly onlyWorkers = false,
  ) {
    const distinct = [...new Set(sources)];
    this.indexOf = new Map(distinct.map((array, i) => [array, i]));
    if (threads <= 1) {
      this.arrays = distinct;
      this.workers = [];
      return;
    }
    // The same doubles in shared memory, so every thread reads the values this one would.
    this.arrays = distinct.map((array) => {
      if (array instanceof Float64Array && array.buffer instanceof SharedArrayBuffer) return array;
      const shared = new Float64Array(new SharedArrayBuffer(8 * array.length));
      // A typed array is copied as a block; an array element by element (TypedArray.set from one with holes takes a slow generic path).
      if (ArrayBuffer.isView(array)) shared.set(array as Float64Array);
      else for (let i = 0; i < array.length; i += 1) shared[i] = array[i]!;
      return shared;
    });
    this.workers = poolOf(threads - 1);
  }

  /** The design (the outcome as the last column) as the stripes read it. */
  private columnsOf(design: readonly DesignColumn[]): StripeColumn[] {
    return design.map(({ values, centre, times }) => ({
      values: values === null ? -1 : this.indexOf.get(values)!,
      centre: centre ?? NaN,
      times: times === undefined ? -1 : this.indexOf.get(times)!,
    }));
  }

  /** The pass's sums over every row: its stripes' results added in stripe order. */
  sums(request: PassRequest): Float64Array {
    const columns = this.columnsOf(request.design);
    const task: Pass = { pass: request.pass, columns, arrays: this.arrays, n: this.n, ...(request.coefficients ? { coefficients: request.coefficients } : {}), ...(request.w ? { w: request.w } : {}) };
    const stripes = stripeCount(this.n);
    const length = resultLength(task.pass, columns.length - 1);
    const parallel = this.workers.length > 0;
    const buffer = (bytes: number) => (parallel ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const results = new Float64Array(buffer(8 * stripes * length));
    const status = new Int32Array(buffer(4 * stripes));
    // control[0]: the next stripe to take; control[1]: stripes done (for Atomics.wait).
    const control = new Int32Array(buffer(8));
    if (parallel) {
      const message = { arrays: this.arrays.map((a) => (a as Float64Array).buffer), task: { pass: task.pass, columns, n: this.n, coefficients: task.coefficients && Float64Array.from(task.coefficients), w: task.w && Float64Array.from(task.w) }, results: results.buffer, status: status.buffer, control: control.buffer };
      for (const worker of this.workers) worker.postMessage(message);
    }
    if (!this.onlyWorkers || !parallel) takeStripes(task, results, status, control, DONE);
    waitForThreads(control, stripes, () => {
      for (let s = 0; s < stripes; s += 1) if (Atomics.load(status, s) === 0) runStripe(task, s, results, s * length);
    });
    for (let s = 0; s < stripes; s += 1) if (status[s] === BY_WORKER) this.stripesByWorkers += 1;
    const total = new Float64Array(length);
    for (let s = 0; s < stripes; s += 1) for (let j = 0; j < length; j += 1) total[j]! += results[s * length + j]!;
    return total;
  }

}
