/** The manifest's schema and compareHashes: which recorded files changed, which are gone. */
import { describe, expect, it } from "vitest";
import { compareHashes, Manifest } from "../../../pipeline/seal/manifest.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);

describe("compareHashes(recorded, actual)", () => {
  const recorded = [
    { role: "spec", path: "../spec.json", sha256: A },
    { role: "output", path: "ingest.json", sha256: A },
    { role: "output", path: "report/report.html", sha256: B },
  ];

  it("is ok when every recorded file has its hash", () => {
    expect(compareHashes(recorded, new Map([["../spec.json", A], ["ingest.json", A], ["report/report.html", B]]))).toEqual({ ok: true, checked: 3, changed: [], missing: [] });
  });

  it("names a changed file and a missing one (null: gone; not looked at: gone too) by role and path", () => {
    const actual = new Map<string, string | null>([["../spec.json", B], ["ingest.json", null]]);
    expect(compareHashes(recorded, actual)).toEqual({ ok: false, checked: 3, changed: ["spec: ../spec.json"], missing: ["output: ingest.json", "output: report/report.html"] });
  });

  it("checks nothing in an empty manifest, and is ok", () => {
    expect(compareHashes([], new Map())).toEqual({ ok: true, checked: 0, changed: [], missing: [] });
  });
});

describe("Manifest", () => {
  const manifest = { artefact: "manifest", schema_version: 1, createdAt: "2026-01-01T00:00:00.000Z", evaluation: "x", asOf: "2025-12-31", versions: {}, seeds: { estimation: 1 }, inputs: [], outputs: [{ role: "output", path: "ingest.json", sha256: A }] };

  it("takes a manifest without plan and population (an older run's)", () => {
    expect(Manifest.safeParse(manifest).success).toBe(true);
  });

  it("refuses a hash that is not 64 lower-case hex digits", () => {
    expect(Manifest.safeParse({ ...manifest, outputs: [{ role: "output", path: "ingest.json", sha256: A.toUpperCase() }] }).success).toBe(false);
    expect(Manifest.safeParse({ ...manifest, outputs: [{ role: "output", path: "ingest.json", sha256: A.slice(1) }] }).success).toBe(false);
  });
});
