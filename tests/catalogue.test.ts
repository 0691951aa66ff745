/** The catalogue's paths: which artefact a file in a run folder belongs to (the seal hashes and the run clears only those). */
import { describe, expect, it } from "vitest";
import { artefactAt, artefactPath, isCatalogued } from "../src/catalogue.ts";

describe("artefactAt(relativePath)", () => {
  it("names a fixed path's artefact, before a keyed family that would also match it", () => {
    expect(artefactAt("ingest.json")).toBe("ingest");
    expect(artefactAt("manifest-signature.json")).toBe("manifestSignature");
    expect(artefactAt("work/quarantine/allocation.csv")).toBe("allocationQuarantine");
  });

  it("names a keyed family's artefact for a key of one path segment, also written with backslashes", () => {
    expect(artefactAt("work/quarantine/hours.csv")).toBe("quarantine");
    expect(artefactAt("work\\quarantine\\hours.csv")).toBe("quarantine");
    expect(artefactAt("report/effects.csv")).toBe("reportTables");
  });

  it("is null for anything else: a nested key, a hidden file, a bare family folder, a stranger, the folder's marker", () => {
    for (const path of ["report/x/effects.csv", "report/.1.2.tmp", "work/quarantine/.csv", "report/", "notes.txt", ".effekt-run.json", "work/persons.tsv"]) {
      expect(artefactAt(path), path).toBeNull();
      expect(isCatalogued(path), path).toBe(false);
    }
  });
});

describe("artefactPath(name, key)", () => {
  it("spells a fixed path and a keyed one, and a keyed one needs its key", () => {
    expect(artefactPath("manifest")).toBe("manifest.json");
    expect(artefactPath("quarantine", "hours")).toBe("work/quarantine/hours.csv");
    expect(() => artefactPath("quarantine")).toThrow("artefactPath(quarantine) requires a key");
  });
});
