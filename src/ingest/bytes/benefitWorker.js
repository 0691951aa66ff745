// @ts-check
// The entry of the benefit-weeks worker thread (benefitThread.ts): registers tsx, as bin/effekt.js does, and runs the reader.
import { register } from "tsx/esm/api";

register();
await import("./benefitWorkerTask.ts");
