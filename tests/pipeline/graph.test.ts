import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTEFACTS, documentedPath, type ArtefactName } from "../../src/catalogue.ts";
import { STAGES } from "../../pipeline/run.ts";

const names = Object.keys(ARTEFACTS) as ArtefactName[];

function productFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? productFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The code of a file without its comments (block and line comments), so only what the code uses is searched. */
function codeOf(path: string): string {
  return readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** The backticked file names in the first column of README's "What a run writes" table. */
function readmeFiles(): Set<string> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## What a run writes"), readme.indexOf("\n## ", readme.indexOf("## What a run writes") + 5));
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return new Set(rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
}

/** Every path-like token of the opening comment of pipeline/run.ts. */
function diagramFiles(): Set<string> {
  const source = readFileSync("pipeline/run.ts", "utf8");
  const comment = source.slice(0, source.indexOf("*/"));
  return new Set([...comment.matchAll(/(?:[\w-]+\/)*(?:[\w-]+|<[\w.]+>)\.(?:json|csv|html|xlsx|txt)|(?:[\w-]+\/)+<[\w.]+>(?:\.csv)?/g)].map((m) => m[0]).filter((p) => p !== "spec.json"));
}

describe("the pipeline graph", () => {
  it("every artefact a stage reads is written by an earlier stage", () => {
    STAGES.forEach((stage, index) => {
      for (const name of [...stage.reads, ...stage.readsOptional]) {
        const writer = STAGES.findIndex((s) => s.writes.includes(name));
        expect(writer, `${stage.name} reads ${name}`).toBeGreaterThanOrEqual(0);
        expect(writer, `${stage.name} reads ${name}, written by ${STAGES[writer]?.name}`).toBeLessThan(index);
      }
    });
  });

  it("every artefact is written exactly once, by one node (the manifest and its signature by the seal)", () => {
    for (const name of names) expect(STAGES.filter((s) => s.writes.includes(name)).map((s) => s.name), name).toHaveLength(1);
    expect(STAGES.find((s) => s.writes.includes("manifest"))?.name).toBe("seal");
    expect(STAGES.find((s) => s.writes.includes("manifestSignature"))?.name).toBe("seal");
  });

  it("the seal is the last node and reads everything: the hash of every artefact another node writes, and every input hash", () => {
    const seal = STAGES.at(-1)!;
    expect(seal.name).toBe("seal");
    const others = STAGES.slice(0, -1).flatMap((s) => s.writes);
    expect([...(seal.hashes ?? [])].sort()).toEqual([...others].sort());
    expect(seal.facts).toContain("inputHashes");
    // Nothing is read after it, and nothing else hashes: no node depends on the seal's own files.
    for (const stage of STAGES) expect([...stage.reads, ...stage.readsOptional, ...(stage === seal ? [] : (stage.hashes ?? []))], stage.name).not.toContain("manifest");
    // Run alone, the report is followed by the seal (effekt report seals the run); no stage is followed by another.
    expect(STAGES.filter((s) => (s.follows ?? []).length > 0).map((s) => [s.name, s.follows])).toEqual([["seal", ["report"]]]);
  });

  it("the previous run (--compare) is an input the report declares, and only the report", () => {
    expect(STAGES.filter((s) => s.facts?.includes("previousRun")).map((s) => s.name)).toEqual(["report"]);
  });

  it("the diagram in pipeline/run.ts lists exactly the catalogue's files", () => {
    expect([...diagramFiles()].sort()).toEqual(names.map(documentedPath).sort());
  });

  it("README's 'What a run writes' table lists exactly the catalogue's files", () => {
    expect([...readmeFiles()].sort()).toEqual(names.map(documentedPath).sort());
  });

  it("each artefact's file name appears as a string in one product file, the catalogue", () => {
    const files = [...productFiles("src"), ...productFiles("pipeline")];
    for (const name of names) {
      const entry = ARTEFACTS[name];
      const path = documentedPath(name);
      const spelt = (typeof entry.path === "string" ? entry.path : entry.path("\u0000")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("\u0000", "\\$\\{\\w+\\}");
      const literal = new RegExp(`["'\`]${spelt}["'\`]`);
      const users = files.filter((file) => literal.test(codeOf(file)));
      expect(users, `${path} is spelt out in`).toEqual([join("src", "catalogue.ts")]);
    }
  });

  it("only report/ is publishable; everything under work/ is person-level", () => {
    for (const name of names) {
      const { release } = ARTEFACTS[name];
      const path = documentedPath(name);
      if (path.startsWith("report/")) expect(release, path).toBe("publishable");
      else expect(release, path).not.toBe("publishable");
      if (path.startsWith("work/")) expect(release, path).toBe("person_level");
    }
  });
});
