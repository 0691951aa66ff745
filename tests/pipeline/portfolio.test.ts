/** `effekt portfolio` over the two shipped evaluations, each run in a temporary folder. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { copyOfSharedRun, sharedRun } from "../runs/sharedRun.ts";
import type { SharedRunName } from "../runs/recipes.ts";
import { readWorkbook } from "../report/readWorkbook.ts";
import { PORTFOLIO_002_SPECS } from "../../scripts/portfolio-002.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-portfolio-"));
let ungifokus = "";
let release = "";

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

/** The register evaluations of 002, each the shared run of its spec (tests/runs/recipes.ts). */
const registers: Record<string, { dir: string }> = Object.fromEntries(Object.keys(PORTFOLIO_002_SPECS).filter((name) => name !== "ungifokus").map((name) => [name, { dir: "" }]));

beforeAll(async () => {
  ungifokus = await sharedRun("ungifokus");
  release = await sharedRun("release");
  for (const [name, register] of Object.entries(registers)) register.dir = await sharedRun(name as SharedRunName);
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
    // Sheets are named by the tables' titles (#28 item 7).
    expect(names).toEqual(["Økonomi – frem til 2030", "Status"]);
    // The overview's intake is each run's published intake, as a number formatted as a count.
    const intakes = sheets[1]!.filter((c) => /^C[23]$/.test(c.ref));
    expect(intakes).toEqual([
      { ref: "C2", type: null, value: csv(ungifokus, "status.csv")[0]!.intake, format: "#,##0" },
      { ref: "C3", type: null, value: csv(release, "status.csv")[0]!.intake, format: "#,##0" },
    ]);
    // The economy table: every run's rows, then the total of the contracts' capitals alone — 14,400,000 + 7,254,200 +
    // 17,900,000 = 39,554,200 kr (002 lines 784, 1335, 1873) — without the release case's 139,500 kr package price per person.
    const economy = [...csv(ungifokus, "status_economy.csv"), ...csv(release, "status_economy.csv")];
    expect(sheets[0]!.filter((c) => c.ref.startsWith("C") && c.ref !== "C1").map((c) => Number(c.value))).toEqual([...economy.map((r) => Number(r.investment)), 39_554_200]);
    expect(economy.at(-1)!.investment).toBe("139500");
    expect(sheets[0]!.find((c) => c.ref === "C2")).toMatchObject({ value: "14400000", format: '#,##0 "kr."' });
  });

  it("UngiFokus's repayment is paid from kommune_central: decentral repayment 0 on the status page and in status_economy.csv, the central amount in the notes", () => {
    const row = csv(ungifokus, "status_economy.csv").find((r) => r.project === "ungifokus")!;
    expect(row.repayment).toBe("0");
    expect(row.repayment_unit).toBe("repayment/kommune_decentral/whole_programme/2021-2030");
    expect(row.net).toBe("");
    expect(row.notes).toContain("central tilbagebetaling 1.631.070 kr. (ikke decentral)");
    const html = readFileSync(join(ungifokus, "report", "status.html"), "utf8");
    expect(html).toMatch(/<td class="text">UngiFokus: [^<]*<\/td><td class="kr">14\.400\.000 kr\.<\/td><td class="kr">0 kr\.<\/td>/);
    expect(html).toContain("Økonomi – frem til 2030");
  });

  it("the 002 example (all seven contracts): reproduces 59.7 and 14.1 mio. kr., flags 22.9 vs 18.2, marks Dialog mod Vold's and IPS+'s illustrative terms", async () => {
    const out = tempDir();
    const runs = [ungifokus, ...Object.values(registers).map((r) => r.dir)];
    expect(await main(["portfolio", ...runs, "--published", "fixtures/contracts/portfolio-002.json", "--out", out])).toBe(0);
    expect(stdout).toContain("portfolio: 7 evaluations (ungifokus, havnen, hjem-job-helhed, dialog-mod-vold, laer-for-livet, ips-plus, udvidet-ips) to 2030");
    const checks = parse(readFileSync(join(out, "portfolio_checks.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const check = (what: string) => checks.find((c) => c.what!.startsWith(what))!;
    // 16,0 + 7,3 + 4,7 + 17,3 + 14,4 = 59,7; 6,1 + 2,2 + 1,4 + 4,4 + 0,0 = 14,1; 7,3 + 7,4 + 1,4 + 6,8 + 0,0 = 22,9 ≠ 18,2 (002 lines 461–471, 688–699).
    expect(check("investering i alt")).toMatchObject({ published: "59.7", ok: "genberegnet" });
    expect(Number(check("investering i alt").computed)).toBeCloseTo(59.7, 9);
    expect(check("decentral tilbagebetaling i alt")).toMatchObject({ published: "14.1", ok: "genberegnet" });
    expect(check("decentral besparelse i alt")).toMatchObject({ published: "18.2", computed: "22.9", ok: "afviger" });
    const economy = parse(readFileSync(join(out, "council_economy.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    // Each contract once (Hjem, Job og Helhed and Lær for Livet are reached from UngiFokus's run too): seven rows and the total.
    expect(economy).toHaveLength(8);
    // The seven capitals: 14,400,000 + 15,933,563 + 7,254,200 + 4,800,000 + 17,900,000 + 3,000,000 + 3,000,000 = 66,287,763 kr.
    expect(economy.at(-1)!.investment).toBe("66287763");
    const dmv = economy.find((r) => r.project!.includes("Dialog mod Vold"))!;
    expect([dmv.repayment, dmv.savings, dmv.net]).toEqual(["1400000", "1400000", "0"]);
    expect(dmv.notes).toContain("Decentral tilbagebetaling: illustrativ");
    expect(dmv.notes).toContain("Decentrale besparelser: illustrativ");
    const ips = economy.find((r) => r.project!.includes("IPS+"))!;
    expect(ips.investment).toBe("3000000");
    expect(ips.notes).not.toContain("Investering: illustrativ");
    expect(ips.notes).toContain("Decentral tilbagebetaling: illustrativ");
    expect(ips.notes).toContain("intet loft");
    const html = readFileSync(join(out, "status.html"), "utf8");
    expect(html).toContain("Decentral tilbagebetaling: illustrativ, prognose; Decentrale besparelser: illustrativ; Nettobesparelser: illustrativ, prognose");
    const { sheets } = readWorkbook(readFileSync(join(out, "status.xlsx")));
    expect(sheets[0]!.some((c) => String(c.value).includes("Decentrale besparelser: illustrativ"))).toBe(true);
    // Each run's own status_economy.csv carries the marker too.
    expect(csv(registers["dialog-mod-vold"]!.dir, "status_economy.csv")[0]!.repayment_sources).toContain("illustrative");
    expect(csv(registers["ips-plus"]!.dir, "status_economy.csv")[0]!.notes).toContain("illustrativ");
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
    const changed = await copyOfSharedRun("release");
    appendFileSync(join(changed, "report", "status.csv"), "Forfalsket,3,,,,,,,,\n");
    const out = tempDir();
    expect(await main(["portfolio", ungifokus, changed, "--out", out])).toBe(1);
    expect(stderr).toContain("report/status.csv differs from its SHA-256 in the run's manifest.json");
  });
});
