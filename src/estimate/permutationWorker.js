// @ts-check
// The entry of a randomisation-inference worker thread (permutationWorkers.ts): take chunks until none is left.
// Plain JavaScript, as permutationChunks.js, so the thread starts without the tsx loader.
import { workerData } from "node:worker_threads";
import { DONE_BY_WORKER, problemFromShared, takeChunks } from "./permutationChunks.js";

const data = workerData;
takeChunks(problemFromShared(data.problem), new Int32Array(data.counts), new Int32Array(data.status), new Int32Array(data.control), DONE_BY_WORKER);
