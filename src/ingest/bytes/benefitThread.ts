/**
 * The benefit-weeks extract read on a worker thread while this thread reads the other
 * extracts: the register's largest file and its other files then take both cores. The worker
 * starts when ingest does (loading its modules while the population is read), then runs the
 * same byte reader over the same file (read there, in chunks, so memory stays bounded) and
 * writes the panel in shared memory; its result (counts, quarantine, flagged rows) comes back
 * as a message. The artefacts are those of the reader on this thread
 * (tests/ingest/bytes/benefitThread.test.ts).
 *
 * Used only when the reader takes the file whole (benefitBytesTakeWhole, wideBytesTakeWhole), so
 * the worker never needs the file's text rows.
 */
import { Worker } from "node:worker_threads";
import { StopRun, type Issue } from "../../shared/issues.ts";
import type { BenefitPanel } from "../benefitPanel.ts";
import type { ExtractContext, ExtractResult } from "../ingestExtract.ts";
import type { RawRow } from "../schema.ts";

type FromWorker =
  | { progress: number }
  | { result: ExtractResult<"benefit_weeks_long" | "benefit_weeks_wide">; codeNumbers: [string, number][] }
  | { stop: Issue[] }
  | { error: string };

export class BenefitThread {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private listener: ((message: FromWorker) => void) | null = null;
  private onFailure: ((error: Error) => void) | null = null;

  constructor() {
    this.worker = new Worker(new URL("./benefitWorker.js", import.meta.url));
    this.worker.on("message", (message: FromWorker) => this.listener?.(message));
    const fail = (error: Error) => {
      this.failure ??= error;
      this.onFailure?.(error);
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the benefit-weeks worker stopped (exit code ${code}) before it finished`)));
  }

  /**
   * The extract read on the thread (once per thread), or null when the thread failed to start.
   * @param header the file's header row, as the reader on this thread would have taken it
   * @param path the file the fast reader reads (one-byte text, quote-free, one line ending)
   */
  read(kind: "benefit_weeks_long" | "benefit_weeks_wide", header: RawRow, path: string, context: ExtractContext, panel: BenefitPanel): Promise<ExtractResult> | null {
    // A thread that failed to start takes no job: the caller reads the extract itself (nothing was written).
    if (this.failure) return null;
    const { onProgress, benefitSink: _sink, ...cloneable } = context;
    return new Promise((resolve, reject) => {
      this.onFailure = reject;
      this.listener = (message) => {
        if ("progress" in message) onProgress?.(message.progress);
        else if ("result" in message) {
          panel.adoptCodeNumbers(message.codeNumbers);
          resolve(message.result);
        } else if ("stop" in message) reject(new StopRun(message.stop));
        else reject(new Error(`the benefit-weeks worker failed: ${message.error}`));
      };
      this.worker.postMessage({ kind, header, path, context: cloneable, panel: panel.toShared() });
    });
  }

  close(): void {
    this.onFailure = null;
    this.listener = null;
    void this.worker.terminate();
  }
}
