// @ts-check
// The entry of a table-reading worker thread (tableFromBytes.ts): takes pieces of the file from the shared counter
// until none is left, and sends each piece's columns back (transferred, not copied). Plain JavaScript, as
// tableLines.js, so the thread starts without the tsx loader.
import { parentPort } from "node:worker_threads";
import { readPiece } from "./tableLines.js";

parentPort?.once("message", (job) => {
  const data = Buffer.from(job.data);
  const control = new Int32Array(job.control);
  const bounds = /** @type {number[]} */ (job.bounds);
  for (;;) {
    const piece = Atomics.add(control, 0, 1);
    if (piece >= bounds.length - 1) break;
    const result = readPiece(data, bounds[piece], bounds[piece + 1], job.layout);
    const transfer = [...result.numbers, ...result.textIds, result.deferred, result.long].map((a) => a.buffer);
    parentPort?.postMessage({ piece, result }, transfer);
  }
  parentPort?.postMessage({ done: true });
});
