import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { editDistance, nearest } from "../../src/shared/nearest.ts";

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe("the effekt command line", () => {
  it("effekt --version prints the package version", async () => {
    expect(await main(["--version"])).toBe(0);
    expect(stdout).toMatch(/^effekt \d+\.\d+\.\d+\n$/);
  });

  it("each command's --help lists only that command's options", async () => {
    expect(await main(["ingest", "--help"])).toBe(0);
    expect(stdout).toContain("--as-of");
    expect(stdout).not.toContain("--lang");
    expect(stdout).not.toContain("--compare");
    stdout = "";
    expect(await main(["run", "--help"])).toBe(0);
    expect(stdout).toContain("--compare");
    expect(stdout).not.toContain("built so far");
    stdout = "";
    expect(await main(["estimate", "--help"])).toBe(0);
    expect(stdout).toMatch(/--confidence C\s+confidence level/);
  });

  it("an unknown option is a usage error that names the nearest known one", async () => {
    expect(await main(["run", "fixtures/ungifokus/spec.json", "--as_of", "2024-01-01"])).toBe(2);
    expect(stderr).toContain("unknown option --as_of — did you mean --as-of?");
    expect(stderr).not.toMatch(/To specify a positional argument/);
    stderr = "";
    expect(await main(["ingest", "fixtures/ungifokus/spec.json", "--lang", "en"])).toBe(2);
    expect(stderr).toContain("unknown option --lang");
  });

  it("an unknown command names the nearest one", async () => {
    expect(await main(["verify-runn", "x"])).toBe(2);
    expect(stderr).toContain("did you mean 'verify-run'?");
  });

  it("a malformed option value is a usage error (exit 2), not a stopped run", async () => {
    expect(await main(["run", "fixtures/ungifokus/spec.json", "--as-of", "2022-13-01"])).toBe(2);
    expect(stderr).toContain("--as-of 2022-13-01 is not a date as yyyy-mm-dd");
    expect(await main(["report", "fixtures/ungifokus/spec.json", "--lang", "fr"])).toBe(2);
  });

  it("a spec with a JSON syntax error is named by line and column, not by byte position", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-cli-"));
    const spec = join(dir, "spec.json");
    writeFileSync(spec, '{\n  "name": "x",\n  "asOf": "2024-01-01",,\n  "extracts": {}\n}\n');
    expect(await main(["run", spec, "--out", join(dir, "out")])).toBe(1);
    expect(stderr).toMatch(/spec\.json line 3: not valid JSON \(column 24\)/);
    expect(stderr).not.toMatch(/position \d+/);
  });

  it("a folder given as the spec is a clear error, never an internal one", async () => {
    expect(await main(["run", "fixtures"])).toBe(1);
    expect(stderr).toContain("this is a folder, not a file");
  });

  it("nearest(word, candidates) is the closest candidate within a typo's distance, else null", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(nearest("--as_of", ["--as-of", "--out"])).toBe("--as-of");
    expect(nearest("--frobnicate", ["--as-of", "--out"])).toBeNull();
  });
});
