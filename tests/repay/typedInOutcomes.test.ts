/**
 * Typed-in outcome tables are dated (issue 26, part 4): a row carries the day it was observed, and a
 * run as of a date counts only the rows observed on or before it — not paid, not provisional, not
 * simulated. Amounts are worked by hand from the rows and prices written here, or counted from the
 * shipped table's rows × the prices quoted in the test.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseOutcomeTable } from "../../src/repay/parseOutcomeTable.ts";
import { repayContract } from "../../src/repay/repayContract.ts";
import { Contract } from "../../src/repay/schema.ts";
import type { OutcomeRow } from "../../src/repay/outcomeTable.ts";

const a = (value: number) => ({ value, source: "test" });

function rowsOf(text: string, file = "table.csv", needed: string[] = []): OutcomeRow[] {
  const parsed = parseOutcomeTable(text, file, "contract.json", needed);
  if ("issues" in parsed) throw new Error(parsed.issues.map((i) => i.message).join("; "));
  return parsed.rows;
}

describe("parseOutcomeTable(text, file, contract, needed) with observed_on", () => {
  it("refuses a table without the observed_on column, naming the file, line 1 and the column", () => {
    const result = parseOutcomeTable("person_id,period,housed\np1,y1,1\n", "old.csv", "contract.json", ["housed"]);
    expect("issues" in result).toBe(true);
    const [problem] = (result as { issues: { code: string; file?: string; line?: number; column?: string; message: string }[] }).issues;
    expect(problem).toMatchObject({ code: "outcome_table_undated", file: "old.csv", line: 1, column: "observed_on" });
    expect(problem!.message).toContain("add one");
  });

  it("refuses an observation date that is not yyyy-mm-dd, by line and column", () => {
    const result = parseOutcomeTable("person_id,period,observed_on,housed\np1,y1,2023-03-31,1\np2,y1,31-03-2023,1\np3,y1,,1\n", "t.csv", "contract.json", ["housed"]);
    const issues = (result as { issues: { code: string; line?: number; column?: string }[] }).issues;
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["invalid_observed_on", 3, "observed_on"], ["invalid_observed_on", 4, "observed_on"]]);
  });

  it("reads the date onto each row, and observed_on is not an outcome column", () => {
    const rows = rowsOf("person_id,period,observed_on,housed\np1,y1,2023-03-31,1\n");
    expect(rows).toEqual([{ personId: "p1", period: "y1", outcomes: { housed: 1 }, observedOn: "2023-03-31" }]);
  });
});

describe("repayContract on a dated typed-in table", () => {
  // y1 (2022-01-01 – due 2023-12-31): p0–p5 housed (1,000 each) and p0–p4 in a job (500 each), observed 2023-03-31;
  // p6, p7 housed and in a job, observed later, on 2023-09-30. y2 (due 2024-12-31): 8 housed, observed 2024-12-31.
  const lines = ["person_id,period,observed_on,housed,job"];
  for (let i = 0; i < 6; i += 1) lines.push(`p${i},y1,2023-03-31,1,${i < 5 ? 1 : 0}`);
  for (let i = 6; i < 8; i += 1) lines.push(`p${i},y1,2023-09-30,1,1`);
  for (let i = 0; i < 8; i += 1) lines.push(`p${i},y2,2024-12-31,1,0`);
  const rows = rowsOf(lines.join("\n") + "\n");
  const contract = Contract.parse({
    name: "dated",
    title: "Dated",
    source: "test",
    period: { from: "2022-01-01", to: "2024-12-31" },
    startYear: 2022,
    investors: [{ id: "i", name: "investor", capital: a(100000) }],
    payers: [{ id: "k", name: "kommune", budget: "kommune_decentral", share: a(1) }],
    schedule: [{ period: "y1", paymentYear: 2023 }, { period: "y2", paymentYear: 2024 }],
    outcomeTable: "dated.csv",
    rules: [{ kind: "rate_card", id: "card", label: "card", prices: [{ outcome: "housed", label: "housed", price: a(1000) }, { outcome: "job", label: "job", price: a(500) }] }],
  });

  it("as of 2023-06-30 only the rows observed by then count: y1 is provisional at 6 × 1,000 + 5 × 500 = 8,500, not 8 × 1,000 + 7 × 500", () => {
    const r = repayContract(contract, { asOf: "2023-06-30", effects: null, outcomeRows: rows });
    const [y1, y2] = r.periods;
    expect(y1).toMatchObject({ status: "provisional", computedAmount: 8500, persons: 6, typedIn: true });
    expect(r.provisional).toBe(8500);
    // The data date is the latest observation on or before the as-of date, not the as-of date.
    expect(y1!.statusNote).toContain("computed on the data up to 2023-03-31");
    expect(y1!.statusNote).not.toContain("up to 2023-06-30");
    expect(r.typedIn).toEqual({ table: "dated.csv", rowsCounted: 6, rowsAfterAsOf: 10, observedUpTo: "2023-03-31" });
    // y2's rows are all observed after the as-of date: no data yet, never an amount.
    expect(y2).toMatchObject({ status: "not_due", computedAmount: null, amount: 0 });
    expect(y2!.statusNote).toMatch(/^no data yet/);
    expect(r.contractTotal).toBe(8500);
    // The risk simulation sees no future row either: nothing simulated for y2.
    expect(r.risk.map((x) => x.period)).toEqual(["y1"]);
  });

  it("as of 2023-10-31 the later y1 rows count: 8 × 1,000 + 7 × 500 = 11,500, computed on the data up to 2023-09-30", () => {
    const r = repayContract(contract, { asOf: "2023-10-31", effects: null, outcomeRows: rows });
    expect(r.periods[0]).toMatchObject({ status: "provisional", computedAmount: 11500 });
    expect(r.periods[0]!.statusNote).toContain("computed on the data up to 2023-09-30");
    expect(r.typedIn!.observedUpTo).toBe("2023-09-30");
  });

  it("as of 2022-06-30 nothing is observed: nothing paid, due or provisional, and no data date", () => {
    const r = repayContract(contract, { asOf: "2022-06-30", effects: null, outcomeRows: rows });
    expect([r.repaidToDate, r.dueToDate, r.provisional, r.contractTotal]).toEqual([0, 0, 0, 0]);
    expect(r.periods.every((p) => p.computedAmount === null && p.status === "not_due")).toBe(true);
    expect(r.typedIn).toMatchObject({ rowsCounted: 0, observedUpTo: null });
  });

  it("a contract measured from the registers (no outcomeTable) is not marked typed in", () => {
    const { outcomeTable: _, ...terms } = contract;
    const r = repayContract(terms as Contract, { asOf: "2025-06-30", effects: null, outcomeRows: rows.map(({ observedOn: __, ...row }) => row) });
    expect(r.typedIn).toBeNull();
    expect(r.periods.some((p) => p.typedIn)).toBe(false);
  });
});

describe("the shipped typed-in tables (Hjem, Job og Helhed; Lær for Livet) as of a date", () => {
  const shipped = (name: string) => {
    const contract = Contract.parse(JSON.parse(readFileSync(`fixtures/contracts/${name}.json`, "utf8")));
    const text = readFileSync(`fixtures/contracts/${name}-outcomes.csv`, "utf8");
    return { contract, rows: rowsOf(text, `${name}-outcomes.csv`), records: parse(text, { columns: true }) as Record<string, string>[] };
  };

  it("as of 2021-10-15 both pay nothing and show no provisional amount from the 2022–2034 rows", () => {
    for (const name of ["hjem-job-helhed", "laer-for-livet"]) {
      const { contract, rows } = shipped(name);
      const r = repayContract(contract, { asOf: "2021-10-15", effects: null, outcomeRows: rows });
      expect([r.repaidToDate, r.dueToDate, r.provisional, r.contractTotal], name).toEqual([0, 0, 0, 0]);
      expect(r.periods.every((p) => p.computedAmount === null), name).toBe(true);
      expect(r.typedIn, name).toMatchObject({ rowsCounted: 0, rowsAfterAsOf: rows.length, observedUpTo: null });
      expect(r.risk, name).toEqual([]);
    }
  });

  it("every shipped row is observed at or after the end of its year", () => {
    for (const name of ["hjem-job-helhed", "laer-for-livet"]) {
      for (const row of shipped(name).records) expect(row.observed_on! >= `${row.period}-12-31`, `${name} ${row.person_id} ${row.period}`).toBe(true);
    }
  });

  it("Lær for Livet as of 2024-06-30 counts the 2023 rows only: persons × price (camp 25,000, FSA 120,000, enrolled 80,000, completed 150,000)", () => {
    const { contract, rows, records } = shipped("laer-for-livet");
    const counted = records.filter((r) => r.period === "2023" && r.observed_on! <= "2024-06-30");
    const n = (column: string) => counted.filter((r) => r[column] === "1").length;
    const byHand = n("camp_mentor") * 25000 + n("fsa_passed") * 120000 + n("upper_secondary_enrolled") * 80000 + n("upper_secondary_completed") * 150000;
    expect(byHand).toBeGreaterThan(0);
    const r = repayContract(contract, { asOf: "2024-06-30", effects: null, outcomeRows: rows });
    expect(r.periods.find((p) => p.period === "2023")).toMatchObject({ status: "due", computedAmount: byHand });
    expect(r.contractTotal).toBe(byHand);
    for (const p of r.periods.filter((x) => x.period !== "2023")) expect(p.computedAmount, p.period).toBeNull();
    expect(r.typedIn!.observedUpTo).toBe("2023-12-31");
  });

  it("Hjem, Job og Helhed as of 2023-06-30 counts the rows observed 2022-12-31: each person's prices, at most 120,000 a person", () => {
    const { contract, rows, records } = shipped("hjem-job-helhed");
    const prices: Record<string, number> = { stable_housing: 60000, employment_25: 40000, su_education: 40000, action_plan_progress: 15000 };
    const counted = records.filter((r) => r.observed_on! <= "2023-06-30");
    expect(new Set(counted.map((r) => r.period))).toEqual(new Set(["2022"]));
    const byHand = counted.reduce((sum, r) => sum + Math.min(120000, Object.entries(prices).reduce((s, [column, price]) => s + (r[column] === "1" ? price : 0), 0)), 0);
    const r = repayContract(contract, { asOf: "2023-06-30", effects: null, outcomeRows: rows });
    expect(r.periods.find((p) => p.period === "2022")!.computedAmount).toBe(byHand);
    expect(r.contractTotal).toBe(byHand);
    expect(r.periods.find((p) => p.period === "2023")).toMatchObject({ computedAmount: null, status: "not_due" });
  });
});
