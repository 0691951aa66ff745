/** `effekt portfolio` over the two shipped evaluations, each run in a temporary folder. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { runPipeline } from "../../pipeline/run.ts";
import { readWorkbook } from "../report/readWorkbook.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-portfolio-"));
const log = () => {};
const ungifokus = tempDir();
const release = tempDir();

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  await runPipeline({ specPath: "fixtures/ungifokus/spec.json", outDir: ungifokus, log });
  await runPipeline({ specPath: "fixtures/release/spec.json", outDir: release, log });
});

const csv = (dir: string, file: string) => parse(readFileSync(join(dir, "report", file), "utf8"), { columns: true }) as Record<string, string>[];

describe("effekt portfolio <run dir> <run dir> --out DIR", () => {
  it("writes one council status naming both evaluations, with its tables as status.xlsx", async () => {
    const out = tempDir();
    expect(await main(["portfolio", ungifokus, release, "--out", out])).toBe(0);
    const html = readFileSync(join(out, "status.html"), "utf8");
    expect(html).toContain("<h1>Status på de sociale effektinvesteringer</h1>");
    expect(html).toContain("<h2>Forsøg som UngiFokus (syntetisk eksempel)</h2>");
    expect(html).toContain("<h2>Aarhus-pilot for løsladte (syntetisk eksempel): opfølgning fra løsladelsesdagen</h2>");
    expect(html.match(/<h3>Status på projektet<\/h3>/g)).toHaveLength(2);
    expect(html).toContain("var der 478 tilknyttet projektet");
    expect(html).toContain("var der 100 tilknyttet projektet");
    expect(stdout).toContain("portfolio: 2 evaluations (ungifokus, release)");

    const { names, sheets } = readWorkbook(readFileSync(join(out, "status.xlsx")));
    expect(names).toEqual(["council_economy", "council_evaluations"]);
    // The overview's intake is each run's published intake, as a number formatted as a count.
    const intakes = sheets[1]!.filter((c) => /^C[23]$/.test(c.ref));
    expect(intakes).toEqual([
      { ref: "C2", type: null, value: csv(ungifokus, "status.csv")[0]!.intake, format: "#,##0" },
      { ref: "C3", type: null, value: csv(release, "status.csv")[0]!.intake, format: "#,##0" },
    ]);
    // The economy table: every run's rows, then the total; the capital of UngiFokus's contract (14.4 mio. kr, 002 line 697).
    const economy = [...csv(ungifokus, "status_economy.csv"), ...csv(release, "status_economy.csv")];
    expect(sheets[0]!.filter((c) => c.ref.startsWith("C") && c.ref !== "C1").map((c) => Number(c.value))).toEqual([...economy.map((r) => Number(r.investment)), economy.reduce((s, r) => s + Number(r.investment), 0)]);
    expect(sheets[0]!.find((c) => c.ref === "C2")).toMatchObject({ value: "14400000", format: '#,##0 "kr."' });
  });

  it("writes the page in English with --lang en", async () => {
    const out = tempDir();
    expect(await main(["portfolio", ungifokus, release, "--out", out, "--lang", "en"])).toBe(0);
    const html = readFileSync(join(out, "status.html"), "utf8");
    expect(html).toContain("<h1>Status of the social effect investments</h1>");
    expect(html).toContain("At the latest follow-up (30 September 2026) 478 persons were attached to the project");
  });

  it("answers a folder that is not a run with a usage error naming it", async () => {
    const out = tempDir();
    const notARun = tempDir();
    expect(await main(["portfolio", ungifokus, notARun, "--out", out])).toBe(2);
    expect(stderr).toContain(`is not a run folder: it has no manifest.json`);
    stderr = "";
    expect(await main(["portfolio", join(notARun, "absent"), "--out", out])).toBe(2);
    expect(stderr).toContain("is not a run folder: it does not exist");
    stderr = "";
    const file = join(notARun, "file.txt");
    writeFileSync(file, "x");
    expect(await main(["portfolio", file, "--out", out])).toBe(2);
    expect(stderr).toContain("is not a run folder: it is a file, not a folder");
    expect(await main(["portfolio", "--out", out])).toBe(2);
    expect(await main(["portfolio", ungifokus, ungifokus, "--out", out])).toBe(2);
    expect(stderr).toContain("is named twice");
  });

  it("stops on a published status table changed after its run (its hash no longer matches the manifest)", async () => {
    appendFileSync(join(release, "report", "status.csv"), "Forfalsket,3,,,,,,,,\n");
    const out = tempDir();
    expect(await main(["portfolio", ungifokus, release, "--out", out])).toBe(1);
    expect(stderr).toContain("report/status.csv differs from its SHA-256 in the run's manifest.json");
  });
});
