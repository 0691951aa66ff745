// @ts-check
// The entry of a table-reading worker thread (tableFromBytes.ts): takes pieces of the file from the shared counter
// until none is left, and sends each piece's columns back (transferred, not copied). Plain JavaScript, as
// tableLines.js, so the thread starts without the tsx loader.
import { parentPort } from "node:worker_threads";
import { readPiece } from "./tableLines.js";

/** @typedef {{ data: SharedArrayBuffer; control: SharedArrayBuffer; bounds: number[]; layout: import("./tableLines.js").Layout }} Job */

parentPort?.once("message", (/** @type {Job} */ job) => {
  const data = Buffer.from(job.data);
  const control = new Int32Array(job.control);
  const bounds = job.bounds;
  for (;;) {
    const piece = Atomics.add(control, 0, 1);
    if (piece >= bounds.length - 1) break;
    const result = readPiece(data, /** @type {number} */ (bounds[piece]), /** @type {number} */ (bounds[piece + 1]), job.layout);
    // The piece's own arrays (not shared memory), handed over to the thread that asked.
    const transfer = [...result.numbers, ...result.textIds, result.deferred, result.long].map((a) => /** @type {ArrayBuffer} */ (a.buffer));
    parentPort?.postMessage({ piece, result }, transfer);
  }
  parentPort?.postMessage({ done: true });
});
