/** settleThrough: what `effekt settle --through` adds to the settlement file, and the hash chain that makes a hand edit show. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RepaymentArtefact } from "../../src/repay/index.ts";
import { emptySettlementFile, firstBrokenSettlement, genesisHash, parseSettlementFile, settleThrough, type SettlementFile } from "../../src/repay/settlements.ts";

const period = (name: string, dueDate: string, status: string, computedAmount: number | null, trueUp = 0) => ({ period: name, dueDate, status, computedAmount, trueUp, statusNote: status === "not_due" ? "no persons yet" : status });
const repayment = {
  contracts: [{ name: "c", periods: [period("y1", "2023-12-31", "due", 1000), period("y2", "2024-06-30", "due", 2000, 300), period("y3", "2024-06-30", "not_due", null), period("y4", "2024-12-31", "provisional", 4000)] }],
} as unknown as RepaymentArtefact;
const run = { manifestSha256: "b".repeat(64), asOf: "2024-09-30", evaluation: "e", allocationChainHead: "c".repeat(64) };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** Three settled periods y1, y2, y5 (y5 due later, settled by a second call). */
function chained(): SettlementFile {
  const first = settleThrough(emptySettlementFile("e"), repayment, "2024-06-30", run).file;
  const later = { contracts: [{ name: "c", periods: [period("y5", "2024-09-30", "due", 5000)] }] } as unknown as RepaymentArtefact;
  return settleThrough(first, later, "2024-09-30", run).file;
}
const copy = (file: SettlementFile): SettlementFile => JSON.parse(JSON.stringify(file));

describe("settleThrough(file, repayment, through, run)", () => {
  it("adds every due period with a due date on or before --through, at its computed amount and true-up; names what it skips", () => {
    const result = settleThrough(emptySettlementFile("e"), repayment, "2024-06-30", run);
    expect(result.added.map((s) => [s.period, s.amount, s.trueUp, s.settlementDate])).toEqual([["y1", 1000, 0, "2024-06-30"], ["y2", 2000, 300, "2024-06-30"]]);
    expect(result.skipped).toEqual([{ contract: "c", period: "y3", reason: "no persons yet" }]);
    expect(result.file.settlements).toHaveLength(2);
  });

  it("never rewrites a period already settled", () => {
    const first = settleThrough(emptySettlementFile("e"), repayment, "2023-12-31", run).file;
    const changed = { ...repayment, contracts: [{ ...repayment.contracts[0]!, periods: repayment.contracts[0]!.periods.map((p) => ({ ...p, computedAmount: 9999 })) }] } as unknown as RepaymentArtefact;
    const second = settleThrough(first, changed, "2024-06-30", run);
    expect(second.file.settlements.map((s) => [s.period, s.amount])).toEqual([["y1", 1000], ["y2", 9999]]);
    expect(second.file.settlements[0]).toEqual(first.settlements[0]);
  });

  it("chains each record to the one before: hashes recomputed here from the documented formula", () => {
    const file = chained();
    expect(file.schema_version).toBe(2);
    const genesis = sha256(JSON.stringify(["effekt settlements", 2, "e"]));
    expect(genesisHash("e")).toBe(genesis);
    let previous = genesis;
    for (const s of file.settlements) {
      expect(s.previousSha256).toBe(previous);
      const content = [previous, s.contract, s.period, s.amount, s.trueUp, s.settlementDate, s.dueDate, s.run.manifestSha256, s.run.asOf, s.run.evaluation, s.run.allocationChainHead];
      expect(s.sha256).toBe(sha256(JSON.stringify(content)));
      previous = s.sha256;
    }
    expect(file.chainHead).toBe(previous);
    expect(file.settlements.map((s) => s.run.allocationChainHead)).toEqual(["c".repeat(64), "c".repeat(64), "c".repeat(64)]);
    expect(firstBrokenSettlement(file)).toBeNull();
    expect(parseSettlementFile(file, "s.json")).toEqual({ file });
  });
});

describe("parseSettlementFile(json, file): a hand edit stops, naming the record and never its amount", () => {
  const broken = (file: unknown) => {
    const result = parseSettlementFile(file, "settlements.json");
    if (!("issues" in result)) throw new Error("expected the chain to break");
    expect(result.issues).toHaveLength(1);
    return result.issues[0]!;
  };

  it("an amount × 10: record 2 (c, y2) was changed", () => {
    const file = copy(chained());
    file.settlements[1]!.amount *= 10;
    const found = broken(file);
    expect(found).toMatchObject({ code: "settlements_tampered", file: "settlements.json", path: ["settlements", 1] });
    expect(found.message).toContain("record 2 of the settlement file settlements.json (contract 'c', period 'y2') was changed");
    expect(found.message).not.toMatch(/20000|2000/);
  });

  it("a record deleted: the record after it is not chained to the one before", () => {
    const file = copy(chained());
    file.settlements.splice(1, 1);
    expect(broken(file).message).toContain("record 2 of the settlement file settlements.json (contract 'c', period 'y5') is not chained to the record before it");
  });

  it("the last record deleted: the chain head names another record", () => {
    const file = copy(chained());
    file.settlements.pop();
    const found = broken(file);
    expect(found.path).toEqual(["chainHead"]);
    expect(found.message).toContain("ends at record 2 (contract 'c', period 'y2'), but its chainHead names another record");
  });

  it("every record deleted: the head still names the last one", () => {
    const file = copy(chained());
    file.settlements = [];
    expect(broken(file).message).toContain("ends with no record");
  });

  it("two records swapped, or one copied in again", () => {
    const swapped = copy(chained());
    swapped.settlements = [swapped.settlements[1]!, swapped.settlements[0]!, swapped.settlements[2]!];
    expect(broken(swapped).message).toContain("record 1 of the settlement file settlements.json (contract 'c', period 'y2') is not chained");
    const inserted = copy(chained());
    inserted.settlements.splice(2, 0, { ...inserted.settlements[0]!, period: "y9" });
    expect(broken(inserted).message).toContain("record 3 of the settlement file settlements.json (contract 'c', period 'y9') is not chained");
  });

  it("a settlement date or the run's as-of moved: changed", () => {
    const file = copy(chained());
    file.settlements[0]!.settlementDate = "2023-01-01";
    expect(broken(file).message).toContain("(contract 'c', period 'y1') was changed");
    const other = copy(chained());
    other.settlements[2]!.run.asOf = "2099-12-31";
    expect(broken(other).message).toContain("(contract 'c', period 'y5') was changed");
  });

  it("the key order of a record changed (no value changed) still holds", () => {
    const file = copy(chained());
    const s = file.settlements[0]!;
    file.settlements[0] = { sha256: s.sha256, previousSha256: s.previousSha256, run: s.run, dueDate: s.dueDate, settlementDate: s.settlementDate, trueUp: s.trueUp, amount: s.amount, period: s.period, contract: s.contract };
    expect("file" in parseSettlementFile(file, "settlements.json")).toBe(true);
  });

  it("the old unchained form (schema_version 1) is refused, saying it cannot be proven and how to re-create it", () => {
    const legacy = { artefact: "settlements", schema_version: 1, evaluation: "e", settlements: [{ contract: "c", period: "y1", amount: 10, trueUp: 0, settlementDate: "2024-01-01", dueDate: "2024-01-01", run: { manifestSha256: "b".repeat(64), asOf: "2024-01-01", evaluation: "e" } }] };
    const found = broken(legacy);
    expect(found).toMatchObject({ code: "settlements_unchained", path: ["schema_version"] });
    expect(found.message).toContain("old, unchained form");
    expect(found.message).toContain("effekt settle <spec> --run");
  });
});
