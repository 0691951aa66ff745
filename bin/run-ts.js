#!/usr/bin/env node
// Runs one TypeScript script (npm run fixtures / schema / bench) through tsx.
import { register } from "tsx/esm/api";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

register();
const script = process.argv[2];
if (!script) {
  console.error("usage: run-ts <script.ts> [args…]");
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(script)).href);
