/**
 * Issue 15, done when: the shipped UngiFokus spec as of 2024-06-30 and 2024-09-30, then
 * `effekt settle` through 2024-09-30, then as of 2026-09-30. Nothing after the as-of date
 * is repaid; the settled year-2 amount stands in the later run, beside its restatement;
 * the changes section and the ledger flag it. Amounts are re-derived by hand from the
 * aggregate figures in each run's effects.json, and checked against the figures issue 15
 * quotes (262,979 / 438,174 / 635,250 kr).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { settle } from "../../pipeline/commands/settle.ts";
import { runPipeline } from "../../pipeline/run.ts";
import { EffectsArtefact } from "../../src/estimate/schema.ts";
import * as repay from "../../src/repay/index.ts";
import { SettlementFile } from "../../src/repay/settlements.ts";
import { StopRun } from "../../src/shared/issues.ts";

const log = () => {};
const root = mkdtempSync(join(tmpdir(), "effekt-settle-"));
for (const dir of ["ungifokus", "codes", "contracts", "business-cases"]) cpSync(join("fixtures", dir), join(root, "fixtures", dir), { recursive: true });
const specPath = join(root, "fixtures", "ungifokus", "spec.json");
const settlementsPath = join(root, "fixtures", "ungifokus", "settlements.json");
const out = (name: string) => join(root, name);
const repayment = (dir: string) => repay.RepaymentArtefact.parse(JSON.parse(readFileSync(join(dir, "repayment.json"), "utf8")));
const contractOf = (dir: string, name: string) => repayment(dir).contracts.find((c) => c.name === name)!;
const periodOf = (dir: string, period: string) => contractOf(dir, "ungifokus").periods.find((p) => p.period === period)!;

/** (mean_control − mean_treated) × 275 kr × n_treated, in øre, from a run's effects.json. */
function byHand(dir: string, outcome: string): number {
  const effects = EffectsArtefact.parse(JSON.parse(readFileSync(join(dir, "effects.json"), "utf8")));
  const e = effects.estimates.find((x) => x.outcome === outcome && x.estimator === "difference_in_means")!;
  return Math.round(Math.max(0, e.mean_control! - e.mean_treated!) * 275 * e.n_treated * 100) / 100;
}

/** Every run: repaidToDate is the sum of the periods settled on or before its as-of date, and no more. */
function expectNothingAfterAsOfRepaid(dir: string) {
  for (const c of repayment(dir).contracts) {
    const settled = c.periods.filter((p) => p.status === "settled");
    for (const p of settled) expect(p.settlementDate! <= c.asOf, `${c.name} ${p.period}`).toBe(true);
    expect(c.repaidToDate, c.name).toBeCloseTo(settled.reduce((s, p) => s + p.settledAmount!, 0), 6);
    for (const p of c.periods.filter((x) => x.dueDate > c.asOf)) expect(p.status, `${c.name} ${p.period}`).not.toBe("due");
  }
}

beforeAll(async () => {
  await runPipeline({ specPath, asOf: "2024-06-30", outDir: out("r0630"), log });
  await runPipeline({ specPath, asOf: "2024-09-30", outDir: out("r0930"), log });
  await settle({ specPath, runDir: out("r0930"), through: "2024-09-30", log });
  await runPipeline({ specPath, asOf: "2026-09-30", outDir: out("r2609"), log, compare: out("r0930"), lang: "en" });
  await runPipeline({ specPath, asOf: "2024-06-30", outDir: out("r0630-after"), log });
});

describe("UngiFokus as of 2024-06-30, 2024-09-30 (settled through it) and 2026-09-30", () => {
  it("as of 2024-06-30 nothing is repaid: year 2 (due 2024-09-30) is provisional at 262,979 kr, year 3 has no persons yet", () => {
    expectNothingAfterAsOfRepaid(out("r0630"));
    const y2 = periodOf(out("r0630"), "follow-up year 2");
    expect(y2).toMatchObject({ status: "provisional", computedAmount: byHand(out("r0630"), "public_support_days_y2") });
    expect(Math.round(y2.computedAmount!)).toBe(262979);
    expect(periodOf(out("r0630"), "follow-up year 3")).toMatchObject({ status: "not_due", statusNote: "no persons yet", computedAmount: null });
    // Lær for Livet no longer reports 21,480,000 kr repaid: its contract total is a forecast, nothing is settled. Its
    // typed-in table counts only the rows observed by 2024-06-30 — the 2023 rows, observed 2023-12-31: 17 children at
    // camp or with a mentor × 25,000 kr (no exam or upper secondary yet) — not the 2024–2034 rows observed later.
    const lfl = contractOf(out("r0630"), "laer-for-livet");
    expect(lfl.repaidToDate).toBe(0);
    expect(lfl.contractTotal).toBe(17 * 25000);
    expect(lfl.typedIn).toMatchObject({ observedUpTo: "2023-12-31", rowsCounted: 20 });
    expect(lfl.restsOnIllustrativeTerms).toBe(true);
  });

  it("settle through 2024-09-30 records year 2 at 438,174 kr from the 2024-09-30 run, with its manifest hash", () => {
    expectNothingAfterAsOfRepaid(out("r0930"));
    const file = SettlementFile.parse(JSON.parse(readFileSync(settlementsPath, "utf8")));
    const y2 = file.settlements.find((s) => s.contract === "ungifokus" && s.period === "follow-up year 2")!;
    expect(y2.amount).toBe(byHand(out("r0930"), "public_support_days_y2"));
    expect(Math.round(y2.amount)).toBe(438174);
    expect(y2).toMatchObject({ settlementDate: "2024-09-30", run: { asOf: "2024-09-30" } });
    expect(y2.run.manifestSha256).toBe(createHash("sha256").update(readFileSync(join(out("r0930"), "manifest.json"))).digest("hex"));
    // The run's allocation chain head (its assignment.json) is recorded with it: a later run needs a log that still holds it.
    expect(y2.run.allocationChainHead).toBe(JSON.parse(readFileSync(join(out("r0930"), "assignment.json"), "utf8")).log.chainHead);
    expect(file.schema_version).toBe(2);
    expect(file.chainHead).toBe(file.settlements.at(-1)!.sha256);
    // Year 3 (due 2025-09-30) is not settled; nothing due after --through is.
    expect(file.settlements.some((s) => s.period === "follow-up year 3")).toBe(false);
    for (const s of file.settlements) expect(s.dueDate <= "2024-09-30").toBe(true);
  });

  it("as of 2026-09-30 the settled year-2 amount is unchanged, with 635,250 kr computed beside it as a restatement of 197,075.82 kr", () => {
    expectNothingAfterAsOfRepaid(out("r2609"));
    const settled = byHand(out("r0930"), "public_support_days_y2");
    const computed = byHand(out("r2609"), "public_support_days_y2");
    expect(computed).toBe(635250);
    const y2 = periodOf(out("r2609"), "follow-up year 2");
    expect(y2).toMatchObject({ status: "settled", settledAmount: settled, amount: settled, computedAmount: computed, settlementDate: "2024-09-30" });
    expect(y2.restatement).toMatchObject({ amount: Math.round((computed - settled) * 100) / 100, policy: "none" });
    expect(y2.restatement!.amount).toBe(197075.82);
    const ungifokus = contractOf(out("r2609"), "ungifokus");
    // Repaid: the two settled periods only (year 1 settled at 0, the treated used more); year 3 is due, not repaid.
    expect(ungifokus.repaidToDate).toBe(settled);
    expect(periodOf(out("r2609"), "follow-up year 3").status).toBe("due");
    expect(ungifokus.dueToDate).toBe(byHand(out("r2609"), "public_support_days_y3"));
  });

  it("a run as of 2024-06-30 after the settlement counts none of it: settled on 2024-09-30 is after its as-of date", () => {
    expectNothingAfterAsOfRepaid(out("r0630-after"));
    for (const c of repayment(out("r0630-after")).contracts) expect(c.repaidToDate, c.name).toBe(0);
  });

  it("the investor bundle of a run that read the settlement file carries it; verify-run rechecks its hash and its chain", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", ...args], { encoding: "utf8" });
    const bundle = out("bundle-0630-after");
    expect(cli("verify-run", out("r0630-after")).status).toBe(0);
    expect(cli("bundle", out("r0630-after"), "--out", bundle).status).toBe(0);
    expect(readFileSync(join(bundle, "settlements.json"), "utf8")).toBe(readFileSync(settlementsPath, "utf8"));
    const index = JSON.parse(readFileSync(join(bundle, "bundle.json"), "utf8"));
    expect(index.holds).toContain("settlements.json");
    expect(index.keptByMunicipality.some((f: string) => f.startsWith("settlements: "))).toBe(false);
    const good = cli("verify-run", bundle);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/verified \(hashes only\): bundle/);
    // An amount × 10 in the bundle's copy: its hash no longer matches the manifest, and its chain breaks at the record.
    const edited = out("bundle-edited");
    cpSync(bundle, edited, { recursive: true });
    const file = JSON.parse(readFileSync(join(edited, "settlements.json"), "utf8"));
    const at = file.settlements.findIndex((r: { amount: number }) => r.amount !== 0);
    file.settlements[at].amount *= 10;
    writeFileSync(join(edited, "settlements.json"), JSON.stringify(file, null, 2) + "\n");
    const bad = cli("verify-run", edited);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/CHANGED {2}settlements: .*settlements\.json/);
    expect(bad.stdout).toContain(`DISAGREES  settlements.json: record ${at + 1} of the settlement file settlements.json (contract '${file.settlements[at].contract}', period '${file.settlements[at].period}') was changed`);
  });

  it("the changes section and the ledger flag the restated period", () => {
    const changes = parse(readFileSync(join(out("r2609"), "report", "changes.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const flagged = changes.filter((r) => r.figure_label!.startsWith("Restated period"));
    expect(flagged.map((r) => [r.figure_label, Number(r.previous), Number(r.current)])).toEqual([["Restated period: UngiFokus: repayment of the transfer-payment difference, followed up yearly — follow-up year 2", 438174.18, 635250]]);
    const ledger = parse(readFileSync(join(out("r2609"), "ledger.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const row = ledger.find((r) => r.contract === "ungifokus" && r.period === "follow-up year 2" && r.item === "period")!;
    expect(row).toMatchObject({ status: "settled", settled_amount: "438174.18", computed_amount: "635250", restatement: "197075.82", settlement_date: "2024-09-30" });
    const html = readFileSync(join(out("r2609"), "report", "report.html"), "utf8");
    // As the reader sees it: the words without the print layout's no-break spans around hyphenated words.
    expect(html.replace(/<[^>]+>/g, "")).toContain("Restated period: UngiFokus: repayment of the transfer-payment difference, followed up yearly — follow-up year 2");
  });

  it("the status page shows each contract by its title, the portfolio total apart, and marks illustrative terms", () => {
    const status = parse(readFileSync(join(out("r2609"), "report", "status_contracts.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    // The page names a contract by its title; the CSV keeps its id beside the words.
    expect(status.map((r) => r.contract_label)).toEqual([
      "UngiFokus: repayment of the transfer-payment difference, followed up yearly",
      "Housing First – Hjem, Job og Helhed: rate card on outcomes within 6 months",
      "Lær for Livet: rate card on participation, the 9th-grade exam and upper secondary",
      "Portfolio total (all contracts; each column on its own)",
    ]);
    expect(status.map((r) => r.contract)).toEqual(["ungifokus", "hjem-job-helhed", "laer-for-livet", ""]);
    const repaid = status.slice(0, 3).map((r) => Number(r.repaid));
    expect(Number(status[3]!.repaid)).toBeCloseTo(repaid[0]! + repaid[1]! + repaid[2]!, 6);
    // UngiFokus: amounts from 001/002, but due dates assumed (002 gives only the payment years); the others: invented prices.
    for (const row of status.slice(0, 3)) expect(row.note).toContain("illustrative");
    const ledger = parse(readFileSync(join(out("r2609"), "report", "repayment.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const y2 = ledger.find((r) => r.contract === "ungifokus" && r.period === "follow-up year 2")!;
    expect(y2.note).toContain("the due date is illustrative");
    expect(y2.note).not.toContain("rests on illustrative terms");
    const summary = parse(readFileSync(join(out("r2609"), "report", "summary.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(summary.find((r) => r.figure === "repaid:laer-for-livet")!.value).toContain("illustrative");
  });
});

describe("effekt settle refuses", () => {
  it("a run whose manifest does not verify, naming the changed file", async () => {
    const dir = out("tampered");
    cpSync(out("r0630"), dir, { recursive: true });
    writeFileSync(join(dir, "ledger.csv"), "changed\n");
    const before = readFileSync(settlementsPath, "utf8");
    await expect(settle({ specPath, runDir: dir, through: "2024-06-30", log })).rejects.toThrow(StopRun);
    await settle({ specPath, runDir: dir, through: "2024-06-30", log }).catch((error: StopRun) => expect(error.issues[0]!.message).toContain("ledger.csv"));
    expect(readFileSync(settlementsPath, "utf8")).toBe(before);
  });

  it("a --through after the run's as-of date", async () => {
    await settle({ specPath, runDir: out("r0630"), through: "2024-12-31", log }).then(
      () => expect.unreachable(),
      (error: StopRun) => expect(error.issues[0]!.code).toBe("settle_after_as_of"),
    );
  });

  it("and settling again changes nothing already settled", async () => {
    const before = SettlementFile.parse(JSON.parse(readFileSync(settlementsPath, "utf8")));
    const result = await settle({ specPath, runDir: out("r2609"), through: "2026-09-30", log });
    const after = SettlementFile.parse(JSON.parse(readFileSync(settlementsPath, "utf8")));
    expect(after.settlements.slice(0, before.settlements.length)).toEqual(before.settlements);
    expect(result.added.map((s) => `${s.contract} ${s.period}`)).toContain("ungifokus follow-up year 3");
  });

  it("on the command line: exit 2 without --run or --through, exit 1 naming the problem on a --through after the run's as-of date", () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", "settle", ...args], { encoding: "utf8" });
    expect(cli(specPath).status).toBe(2);
    const late = cli(specPath, "--run", out("r0630"), "--through", "2024-12-31");
    expect(late.status).toBe(1);
    expect(late.stderr).toContain("is after the run's as-of date 2024-06-30");
    expect(late.stderr).not.toContain("    at ");
  });
});

describe("a settlement file edited by hand stops the next run (issue 25, part 7)", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ["bin/effekt.js", ...args], { encoding: "utf8" });
  /** Edits the settlement file, runs, and restores it. */
  function runWith(edit: (file: any) => void, args: string[] = ["run", specPath, "--out", out("after-edit")]) {
    const before = readFileSync(settlementsPath, "utf8");
    const file = JSON.parse(before);
    edit(file);
    writeFileSync(settlementsPath, JSON.stringify(file, null, 2) + "\n");
    try {
      return cli(...args);
    } finally {
      writeFileSync(settlementsPath, before);
    }
  }
  const y2 = (file: any) => file.settlements.findIndex((s: any) => s.contract === "ungifokus" && s.period === "follow-up year 2");

  it("one amount × 10: exit 1 naming the file, the contract and the period, never the amount; nothing is written", () => {
    const amount = SettlementFile.parse(JSON.parse(readFileSync(settlementsPath, "utf8"))).settlements.find((s) => s.period === "follow-up year 2" && s.contract === "ungifokus")!.amount;
    const result = runWith((file) => (file.settlements[y2(file)].amount *= 10));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/settlements\.json/);
    expect(result.stderr).toContain("(contract 'ungifokus', period 'follow-up year 2') was changed after it was settled");
    expect(result.stderr).not.toContain(String(amount * 10));
    expect(result.stderr).not.toContain(String(Math.round(amount * 10)));
    expect(result.stderr).not.toContain("    at ");
    for (const file of ["assignment.json", "repayment.json", "manifest.json"]) expect(existsSync(join(out("after-edit"), file)), file).toBe(false);
  });

  it("a record deleted: exit 1 naming the record after it (or the head, for the last)", () => {
    const middle = runWith((file) => file.settlements.splice(0, 1));
    expect(middle.status).toBe(1);
    expect(middle.stderr).toMatch(/record 1 of the settlement file .*settlements\.json \(contract '[^']+', period '[^']+'\) is not chained to the record before it/);
    const last = runWith((file) => file.settlements.pop());
    expect(last.status).toBe(1);
    expect(last.stderr).toContain("but its chainHead names another record");
  });

  it("effekt settle refuses to append to an edited file, and to the old unchained form", () => {
    const edited = runWith((file) => (file.settlements[0].dueDate = "2020-01-01"), ["settle", specPath, "--run", out("r2609"), "--through", "2026-09-30"]);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain("was changed after it was settled");
    const legacy = runWith((file) => {
      file.schema_version = 1;
      delete file.chainHead;
      for (const s of file.settlements) {
        delete s.previousSha256;
        delete s.sha256;
        delete s.run.allocationChainHead;
      }
    });
    expect(legacy.status).toBe(1);
    expect(legacy.stderr).toContain("old, unchained form (schema_version 1)");
  });

  it("the allocation log deleted: a run stops naming the log, since the settlement records its chain head", () => {
    const logPath = join(root, "fixtures", "ungifokus", "ungifokus.allocation-log.csv");
    renameSync(logPath, logPath + ".away");
    try {
      const result = cli("run", specPath, "--out", out("no-log"));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/the allocation log .*ungifokus\.allocation-log\.csv is missing/);
      expect(result.stderr).toContain("period 'follow-up year 2'");
    } finally {
      renameSync(logPath + ".away", logPath);
    }
  });
});
