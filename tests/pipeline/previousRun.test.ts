/**
 * --compare knows what it compares (issue 26, part 6): only an earlier run of the same evaluation and population is
 * the previous quarter; a folder that is not a run is a usage error naming it; the changes section names the previous
 * run by its as-of date and its manifest's SHA-256, never by a path.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { runPipeline } from "../../pipeline/run.ts";
import { copyOfSharedRun, sharedRun } from "../runs/sharedRun.ts";

const log = () => {};
const root = mkdtempSync(join(tmpdir(), "effekt-compare-"));
let early = "";
let release = "";
const SPEC = "fixtures/ungifokus/spec.json";

let stderr = "";
beforeEach(() => {
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  early = await sharedRun("ungifokus-2024-12-31");
  release = await sharedRun("release");
});

describe("effekt run --compare DIR", () => {
  it("refuses a run of another evaluation (exit 1), before writing anything", async () => {
    const out = join(root, "against-release");
    expect(await main(["run", SPEC, "--out", out, "--compare", release])).toBe(1);
    expect(stderr).toContain("that is a run of evaluation 'release', this one is 'ungifokus'");
    expect(existsSync(join(out, "ingest.json"))).toBe(false);
  });

  it("refuses a run of the same evaluation as of the same or a later date (exit 1)", async () => {
    expect(await main(["run", SPEC, "--as-of", "2024-12-31", "--out", join(root, "same-date"), "--compare", early])).toBe(1);
    expect(stderr).toContain("as of 2024-12-31, the same date as this run's 2024-12-31");
    stderr = "";
    expect(await main(["run", SPEC, "--as-of", "2024-06-30", "--out", join(root, "earlier"), "--compare", early])).toBe(1);
    expect(stderr).toContain("as of 2024-12-31, after this run's 2024-06-30");
  });

  it("refuses its own output folder (which the run would empty first)", async () => {
    const own = await copyOfSharedRun("ungifokus-2024-12-31");
    expect(await main(["run", SPEC, "--out", own, "--compare", own])).toBe(1);
    expect(stderr).toContain("that is this run's own output folder");
    expect(existsSync(join(own, "manifest.json"))).toBe(true);
  });

  it("answers a folder that is not a run with a usage error naming it (exit 2), never 'run effekt ingest first'", async () => {
    const missing = join(root, "ungifokus-2024-21-31");
    expect(await main(["run", SPEC, "--out", join(root, "x1"), "--compare", missing])).toBe(2);
    expect(stderr).toContain(`${basename(missing)}: not a run folder: it does not exist`);
    const file = join(root, "a-file.txt");
    writeFileSync(file, "not a run");
    expect(await main(["run", SPEC, "--out", join(root, "x2"), "--compare", file])).toBe(2);
    expect(stderr).toContain(`${basename(file)}: not a run folder: it is a file, not a folder`);
    const empty = join(root, "empty");
    mkdirSync(empty);
    expect(await main(["run", SPEC, "--out", join(root, "x3"), "--compare", empty])).toBe(2);
    expect(stderr).toContain(`${basename(empty)}: not a run folder: it has no manifest.json`);
    expect(stderr).not.toContain("effekt ingest");
  });

  it("names a proper previous quarter by its as-of date and its manifest's SHA-256, never by its path", async () => {
    const later = join(root, "ungifokus-2026-09-30");
    await runPipeline({ specPath: SPEC, outDir: later, compare: early, log });
    const sha = createHash("sha256").update(readFileSync(join(early, "manifest.json"))).digest("hex");
    const changes = parse(readFileSync(join(later, "report/changes.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(changes.find((r) => r.figure === "as_of")).toMatchObject({ previous: "2024-12-31", current: "2026-09-30" });
    expect(changes.find((r) => r.figure === "manifest_sha256")).toMatchObject({ previous: `${sha.slice(0, 12)}…`, sha256: sha });
    const html = readFileSync(join(later, "report/report.html"), "utf8");
    expect(html).toContain(`Forrige kørsel: opgjort pr. 31. december 2024, kørselsmanifest med kontrolsum (SHA-256) ${sha.slice(0, 12)}…`);
    expect(html).not.toContain(basename(early));
    for (const file of ["changes.csv", "summary.csv", "status.csv"]) expect(readFileSync(join(later, "report", file), "utf8")).not.toContain(basename(early));
  });
});
