/**
 * Waits (Atomics.wait, so the caller stays synchronous) until `control[1]`, the count of slots the
 * threads have filled, reaches `total`. When it has not moved for `quietLimitMs`, `recover` is called
 * once — the caller then computes the slots still missing itself — and the wait ends.
 */
export function waitForThreads(control: Int32Array, total: number, recover: () => void, quietLimitMs = 30_000): void {
  let lastDone = Atomics.load(control, 1);
  let quietSince = Date.now();
  while (Atomics.load(control, 1) < total) {
    Atomics.wait(control, 1, lastDone, 1000);
    const done = Atomics.load(control, 1);
    if (done !== lastDone) {
      lastDone = done;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > quietLimitMs) {
      recover();
      return;
    }
  }
}
