/** What the runner loads for a node besides artefacts: the hashes of the artefacts it hashes, and the run facts it names. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../pipeline/loadSpec.ts";
import { artefactHashes, factLoader, inputHashes } from "../../pipeline/runFacts.ts";
import type { StageDefinition } from "../../src/stage.ts";

// SHA-256 reference values from sha256sum: of "abc" (FIPS 180-2) and of the empty file.
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const node = (fields: Partial<StageDefinition>): StageDefinition => ({ name: "report", folder: "", does: "", reads: [], readsOptional: [], inputs: () => [], writes: [], skip: () => null, run: () => ({ outputs: {}, issues: [], warnings: [], summary: [] }), ...fields });

describe("artefactHashes(names, outDir, written)", () => {
  it("hashes only files of the named artefacts that the run wrote, sorted by path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-facts-"));
    mkdirSync(join(dir, "report"));
    const files: Record<string, string> = {
      "ingest.json": "abc",
      "report/b.csv": "", // a report table (keyed)
      "report/a.csv": "abc", // not written by the run
      "effects.json": "abc", // written, but not asked for
      "notes.txt": "abc", // not an artefact
      "report/.1.2.tmp": "abc", // a write under way
      ".effekt-run.json": "{}",
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    const written = new Set(["ingest.json", "report/b.csv", "effects.json", "notes.txt", "report/.1.2.tmp", ".effekt-run.json"]);
    expect(await artefactHashes(["ingest", "reportTables"], dir, (p) => written.has(p))).toEqual([
      { role: "output", path: "ingest.json", sha256: ABC },
      { role: "output", path: "report/b.csv", sha256: EMPTY },
    ]);
  });
});

describe("inputHashes(loaded, nodes)", () => {
  it("hashes the spec and every declared input that exists, relative to the output folder; a missing plan lock and file are left out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-facts-"));
    writeFileSync(join(dir, "case.json"), "abc");
    const specPath = join(dir, "spec.json");
    const loaded = { ...(await loadSpec({ specPath: "fixtures/ungifokus/spec.json", log: () => {} })), specPath, specDir: dir, outDir: join(dir, "out") };
    writeFileSync(specPath, "");
    const declaring = node({ inputs: () => [{ role: "assumptions", format: "json", name: "case", file: "case.json" }, { role: "contract", format: "json", name: "gone", file: "gone.json", required: false }] });
    expect(await inputHashes(loaded, [declaring])).toEqual([
      { role: "spec", path: relative(loaded.outDir, specPath), sha256: EMPTY },
      { role: "assumptions", path: join("..", "case.json"), sha256: ABC },
    ]);
  });
});

describe("factLoader(source)(node)", () => {
  const source = async (compare?: string) => ({
    loaded: await loadSpec({ specPath: "fixtures/ungifokus/spec.json", outDir: resolve(mkdtempSync(join(tmpdir(), "effekt-facts-"))), log: () => {} }),
    nodes: [],
    compare,
    signingKey: null,
    readRun: async () => ({}),
  });

  it("gives a node exactly the facts it names", async () => {
    const load = factLoader(await source());
    expect(Object.keys(await load(node({ facts: ["signingKey", "previousRun"] }))).sort()).toEqual(["previousRun", "signingKey"]);
    expect(await load(node({ facts: ["signingKey", "previousRun"] }))).toEqual({ signingKey: null, previousRun: null });
    expect(await load(node({}))).toEqual({});
  });

  it("loads a fact that is the same for every node once per run (the seal sees the input hashes the report showed)", async () => {
    const load = factLoader(await source());
    const first = await load(node({ facts: ["inputHashes", "versions"] }));
    const second = await load(node({ facts: ["inputHashes"] }));
    expect(second.inputHashes).toBe(first.inputHashes);
    expect(first.inputHashes?.map((h) => h.role)).toEqual(["spec"]);
    expect(first.versions).toEqual({ effekt: expect.stringMatching(/^\d+\.\d+\.\d+/), node: process.version });
  });

  it("checks the --compare run when a node names it: a folder that is not a run is refused", async () => {
    const load = factLoader(await source(join(tmpdir(), "effekt-no-such-run")));
    await expect(load(node({ facts: ["previousRun"] }))).rejects.toThrow(/not a run folder: it does not exist/);
  });
});
