import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { waitForThreads } from "../../src/shared/waitForThreads.ts";

describe("waitForThreads(control, total, recover, quietLimitMs)", () => {
  it("waitForThreads returns at once when the slots are already filled, without recovering", () => {
    const control = new Int32Array(new SharedArrayBuffer(8));
    control[1] = 5;
    let recovered = 0;
    waitForThreads(control, 5, () => (recovered += 1));
    expect(recovered).toBe(0);
  });

  it("waitForThreads returns when a thread fills the last slot", () => {
    const control = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       const control = new Int32Array(workerData);
       for (let k = 0; k < 3; k += 1) { Atomics.add(control, 1, 1); Atomics.notify(control, 1); }`,
      { eval: true, workerData: control.buffer },
    );
    let recovered = 0;
    waitForThreads(control, 3, () => (recovered += 1), 600_000);
    expect(Atomics.load(control, 1)).toBe(3);
    expect(recovered).toBe(0);
    return worker.terminate();
  });

  it("waitForThreads calls recover once and ends when the count stops moving past the quiet limit", () => {
    const control = new Int32Array(new SharedArrayBuffer(8));
    control[1] = 2;
    let recovered = 0;
    waitForThreads(control, 4, () => (recovered += 1), 0);
    expect(recovered).toBe(1);
    expect(Atomics.load(control, 1)).toBe(2);
  });
});
