import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const bin = resolve("bin/effekt.js");
const spec = resolve("fixtures/release/spec.json");

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, join(prefix, entry)) : [join(prefix, entry)];
  });
}

describe("a run from another working directory", () => {
  it("writes byte-identical artefacts (the manifest's createdAt aside) wherever it is started from", () => {
    const outs = [mkdtempSync(join(tmpdir(), "effekt-cwd-a-")), mkdtempSync(join(tmpdir(), "effekt-cwd-b-"))];
    const from = [resolve("."), tmpdir()];
    for (let i = 0; i < 2; i++) {
      const result = spawnSync(process.execPath, [bin, "run", i === 0 ? "fixtures/release/spec.json" : spec, "--out", outs[i]!], { cwd: from[i], encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
    }
    const files = filesUnder(outs[0]!).sort();
    expect(filesUnder(outs[1]!).sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(20);
    const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8").replace(/"createdAt": "[^"]+"/, "");
    for (const file of files) {
      // The manifest records inputs relative to the output folder, which differs here by design; everything else is identical.
      if (file === "manifest.json") continue;
      expect(read(outs[1]!, file), file).toBe(read(outs[0]!, file));
    }
    const quarantine = read(outs[0]!, "ingest.json");
    expect(quarantine).not.toContain(resolve("."));
    expect(quarantine).toContain('"file": "population.csv"');
  });
});
