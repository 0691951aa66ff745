#!/usr/bin/env node
// The `effekt` command: registers tsx so the TypeScript sources run without a build step.
import { register } from "tsx/esm/api";

register();
await import("../pipeline/cli.ts");
