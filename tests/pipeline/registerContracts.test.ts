/**
 * Issue 15, done when: the rate-card contracts run end to end from register fixtures
 * (fixtures/registers/<name>/spec.json), and each trigger count in the ledger is re-derived
 * from the person-level work/triggers.csv — counted here with csv-parse, not with the
 * repay stage's own reader — as persons × price, period by period. Every term of each
 * contract cites its line in 002 or is marked illustrative.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runStage } from "../../pipeline/run.ts";
import { copyOfSharedRun, sharedRun } from "../runs/sharedRun.ts";
import * as repay from "../../src/repay/index.ts";

const SPECS = ["havnen", "hjem-job-helhed", "laer-for-livet", "ips-plus", "dialog-mod-vold", "udvidet-ips"] as const;
const root = mkdtempSync(join(tmpdir(), "effekt-registers-"));
for (const dir of ["registers", "contracts", "business-cases"]) cpSync(join("fixtures", dir), join(root, "fixtures", dir), { recursive: true });
/** Each spec's shared run (tests/runs/recipes.ts). */
const runs = new Map<string, string>();
const out = (name: string) => runs.get(name)!;

beforeAll(async () => {
  for (const name of SPECS) runs.set(name, await sharedRun(name));
});

type Row = { personId: string; period: string; trigger: string; status: string; value: string };
const triggersOf = (name: string) => parse(readFileSync(join(out(name), "work", "triggers.csv"), "utf8"), { columns: true }) as Row[];
const contractOf = (name: string) => repay.RepaymentArtefact.parse(JSON.parse(readFileSync(join(out(name), "repayment.json"), "utf8"))).contracts[0]!;
const termsOf = (name: string) => {
  const spec = JSON.parse(readFileSync(join("fixtures", "registers", name, "spec.json"), "utf8"));
  return JSON.parse(readFileSync(join("fixtures", "registers", name, spec.contract), "utf8"));
};

describe("rate-card contracts from register fixtures", () => {
  for (const name of SPECS) {
    it(`${name}: every rate-card (and unit-price) line is the persons in work/triggers.csv reaching the trigger × its price`, () => {
      const rows = triggersOf(name);
      const contract = contractOf(name);
      type Price = { outcome: string; label: string; price: { value: number }; minimum?: { value: number } };
      // A capped unit price is one price whose ledger item is its outcome id (its cap comes on a line of its own).
      const prices: Price[] = termsOf(name).rules.flatMap((r: { kind: string; prices?: Price[]; outcome?: string; unitPrice?: { value: number } }) =>
        r.kind === "rate_card" ? r.prices! : r.kind === "capped_unit_price" ? [{ outcome: r.outcome!, label: r.outcome!, price: r.unitPrice! }] : [],
      );
      let checked = 0;
      for (const price of prices) {
        for (const period of contract.periods) {
          const persons = rows.filter((r) => r.trigger === price.outcome && r.period === period.period && r.status === "observed" && Number(r.value) >= (price.minimum?.value ?? 1)).length;
          const line = contract.lines.find((l) => l.period === period.period && l.item === price.label);
          if (period.persons === null) continue;
          expect(line, `${name} ${period.period} ${price.outcome}`).toBeDefined();
          if (persons === 0 || persons >= 5) {
            expect(line!.basis.persons).toBe(persons);
            expect(line!.amount).toBe(persons * price.price.value);
          } else expect(line!.suppressed).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it("IPS+ and Udvidet IPS-indsats: capital 3,000,000 kr as printed (002 lines 2468–2476, not illustrative), schedule to the end of follow-up (2030, 2029; 002 table lines 2404–2480), no cap said plainly", () => {
    for (const [name, lastPeriod] of [["ips-plus", "2030"], ["udvidet-ips", "2029"]] as const) {
      const contract = contractOf(name);
      expect(contract.capital).toBe(3_000_000);
      expect(contract.capitalIllustrative).toBe(false);
      expect(contract.periods.at(-1)!.period).toBe(lastPeriod);
      expect(contract.noCap).toContain("002 prints no cap");
      // As of 2026-12-31 the periods after 2026 are not yet due: nothing after the as-of date is paid.
      expect(contract.periods.filter((p) => Number(p.period) >= 2027).every((p) => p.status === "not_due")).toBe(true);
    }
  });

  it("no trigger is counted on a value that was not observed: censored and incomplete rows have an empty value", () => {
    for (const name of SPECS) for (const r of triggersOf(name)) expect(r.status === "observed" ? r.value !== "" : r.value === "").toBe(true);
  });

  it("havnen: the 2024 window triggers are counted on the persons whose 6-month window ended in 2024 (started from July 2023)", () => {
    const population = parse(readFileSync(join("fixtures", "registers", "havnen", "population.csv"), "utf8"), { columns: true }) as { person_id: string; start_date: string }[];
    // A window [start, start + 6 months) ends in 2024 when its last day is in 2024: started 2023-07-02 or later (2023-07-01 + 6 months − 1 day = 2023-12-31).
    const expected = population.filter((p) => p.start_date >= "2023-07-02").map((p) => p.person_id).sort();
    const inPeriod = [...new Set(triggersOf("havnen").filter((r) => r.period === "2024" && r.trigger === "stable_housing").map((r) => r.personId))].sort();
    expect(inPeriod).toEqual(expected);
  });

  it("every number of each contract cites 002 by line or is marked illustrative", () => {
    const amounts: { source: string; illustrative?: boolean }[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if (typeof o.value === "number" && typeof o.source === "string") amounts.push(o as never);
        Object.values(o).forEach(walk);
      }
    };
    for (const name of SPECS) walk(termsOf(name));
    expect(amounts.length).toBeGreaterThan(20);
    for (const a of amounts) expect(a.illustrative === true || /002 lines? \d+/.test(a.source), a.source).toBe(true);
  });

  it("dialog-mod-vold: the two unit-price rules would pay more than the computed municipal saving of 1,400,000 kr (25 families × 0.4 × 70,000 kr × 2 years), and the total stops there", () => {
    const contract = contractOf("dialog-mod-vold");
    const byHand = 25 * 0.4 * 70000 * 2;
    expect(contract.savingLimit).toMatchObject({ limit: byHand, holds: true, bit: true });
    expect(contract.contractTotal).toBe(byHand);
    expect(contract.savingLimit!.beforeLimit).toBeGreaterThan(byHand);
  });

  it("laer-for-livet: years are paid from 2023 (002 line 1883), later years have no persons yet, and 20.3 mio is shown as not reproduced", () => {
    const contract = contractOf("laer-for-livet");
    expect(triggersOf("laer-for-livet").every((r) => r.period >= "2023" && r.period <= "2026")).toBe(true);
    expect(contract.periods.filter((p) => p.period > "2026").every((p) => p.status === "not_due" && p.persons === 0 && p.computedAmount === null)).toBe(true);
    const expected = contract.published.find((p) => p.id === "expected_repayment")!;
    expect(expected).toMatchObject({ published: 20300000, computed: contract.contractTotal, verdict: "differs" });
    // What does follow: 20.3 / 17.9 = 1.134 × capital, inside the (illustrative) ceiling 1.2 × 17.9 = 21.48 mio.
    expect(Math.round((20300000 / contract.capital) * 1000) / 1000).toBe(1.134);
    expect(termsOf("laer-for-livet").investorReturn.ceiling.value * contract.capital).toBeCloseTo(21480000, 6);
  });

  it("a contract paying on an id the spec's triggers do not derive stops the repay stage, naming it and the known ids", async () => {
    const dir = join(root, "fixtures", "contracts");
    const contract = JSON.parse(readFileSync(join(dir, "havnen.json"), "utf8"));
    contract.rules[0].prices[0].outcome = "stable_housnig";
    writeFileSync(join(dir, "havnen.json"), JSON.stringify(contract));
    await expect(runStage("repay", { specPath: join(root, "fixtures", "registers", "havnen", "spec.json"), outDir: await copyOfSharedRun("havnen"), log: () => {} })).rejects.toThrow(
      /contract 'havnen' pays on 'stable_housnig', which the spec's triggers do not derive \(known: stable_housing, employment_25, su_education, action_plan_progress\)/,
    );
  });

  it("the triggers' summary in ingest.json adds up to work/triggers.csv", () => {
    for (const name of SPECS) {
      const ingest = JSON.parse(readFileSync(join(out(name), "ingest.json"), "utf8"));
      const rows = triggersOf(name);
      for (const t of ingest.triggers) for (const p of t.periods) expect(p.persons).toBe(rows.filter((r) => r.trigger === t.id && r.period === p.period).length);
    }
  });
});
