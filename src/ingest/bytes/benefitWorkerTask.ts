/**
 * The benefit-weeks reader on its worker thread (benefitThread.ts): the long or wide byte
 * reader, unchanged, over the file's bytes, writing the shared panel. It is sent one job; messages to the main
 * thread: { progress: rows }, and at the end { result, codeNumbers }, { stop: issues } or { error: text }.
 */
import { parentPort } from "node:worker_threads";
import { fileChunks } from "../../../pipeline/io/lines.ts";
import { StopRun } from "../../shared/issues.ts";
import { BenefitPanel, type SharedPanel } from "../benefitPanel.ts";
import type { ExtractContext } from "../ingestExtract.ts";
import type { RawRow } from "../schema.ts";
import { ingestBenefitBytes } from "./ingestBenefitBytes.ts";
import { ingestBenefitWideBytes } from "./ingestBenefitWideBytes.ts";

const port = parentPort!;

async function* headerOnly(header: RawRow): AsyncGenerator<RawRow> {
  yield header;
}

// The job comes once the population is read; the modules are loaded by then.
port.once("message", async (job: { kind: "benefit_weeks_long" | "benefit_weeks_wide"; header: RawRow; path: string; context: ExtractContext; panel: SharedPanel }) => {
  // The file's chunks as the fast reader reads them (the thread cannot be handed the main thread's stream).
  const bytes = () => fileChunks(job.path);
  try {
    const panel = BenefitPanel.fromShared(job.panel);
    // The same object as the context's, as the wide reader requires.
    const codes = job.context.benefitCodes!;
    const context: ExtractContext = { ...job.context, onProgress: (rows) => port.postMessage({ progress: rows }) };
    const read = job.kind === "benefit_weeks_long" ? ingestBenefitBytes : ingestBenefitWideBytes;
    const result = await read(headerOnly(job.header), bytes, context, panel, codes);
    port.postMessage({ result, codeNumbers: panel.codeNumbers() });
  } catch (error) {
    if (error instanceof StopRun) port.postMessage({ stop: error.issues });
    else port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
