// @ts-check
// The entry of a least-squares worker thread (gramThreads.ts): for each pass it is sent, take stripes until none is left.
// Plain JavaScript, as gramStripes.js, so the thread starts without the tsx loader. It stays for later fits.
import { parentPort } from "node:worker_threads";
import { takeStripes } from "./gramStripes.js";

parentPort?.on("message", (message) => {
  const arrays = /** @type {ArrayBufferLike[]} */ (message.arrays).map((buffer) => new Float64Array(buffer));
  const task = { ...message.task, arrays, coefficients: message.task.coefficients && new Float64Array(message.task.coefficients), w: message.task.w && new Float64Array(message.task.w) };
  takeStripes(task, new Float64Array(message.results), new Int32Array(message.status), new Int32Array(message.control), 2);
});
