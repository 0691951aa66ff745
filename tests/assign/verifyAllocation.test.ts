import { describe, expect, it } from "vitest";
import { chainLines, formatLog, headerHash, headerText } from "../../src/assign/allocationLog.ts";
import { randomiseBatch } from "../../src/assign/randomiseBatch.ts";
import { parseArmRatios, verifyAllocation } from "../../src/assign/verifyAllocation.ts";

const arms = [{ name: "control", ratio: 1 }, { name: "treatment", ratio: 1 }];
const header = headerText({ algorithm: "effekt-complete-blocked-1", seed: 42, arms: "control:1, treatment:1", blocks: "sex" });
const roster = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5"].map((personId) => ({
  personId,
  batch: personId.startsWith("A") ? "2022Q1" : "2022Q2",
  block: Number(personId.slice(1)) % 2 === 0 ? "sex=female, even" : "sex=male",
  referred: "2022-01-01",
}));

function makeLog(): string {
  const lines = ["2022Q1", "2022Q2"].flatMap((batch) => {
    const members = roster.filter((r) => r.batch === batch);
    const allocation = randomiseBatch(members, arms, 42, batch);
    return members.map((m) => ({ personId: m.personId, batch, block: m.block, arm: allocation.get(m.personId)!, time: "2022-03-31" }));
  });
  return formatLog(header, chainLines(headerHash(header), lines.map((l, i) => ({ ...l, line: i + 1 }))));
}
const flip = (arm: string) => (arm === "control" ? "treatment" : "control");

describe("verifyAllocation(log, roster)", () => {
  const log = makeLog();
  const lines = log.split("\n");
  const firstLine = lines.findIndex((l) => l.startsWith("1,"));

  it("verifyAllocation(log, roster) holds on an untouched log, blocks with commas included", () => {
    const result = verifyAllocation(log, roster);
    expect(result).toMatchObject({ ok: true, lines: 9, chain: { ok: true }, allocation: { ok: true }, roster: { ok: true } });
    expect(log).toContain('"sex=female, even"');
  });

  it("verifyAllocation(log with a flipped arm) names the line", () => {
    const tampered = [...lines];
    tampered[firstLine + 3] = tampered[firstLine + 3]!.replace(/,(control|treatment),/, (_, arm: string) => `,${flip(arm)},`);
    const result = verifyAllocation(tampered.join("\n"), null);
    expect(result.ok).toBe(false);
    expect(result.chain.firstBadLine).toBe(4);
    expect(result.allocation.firstBadLine).toBe(4);
  });

  it("verifyAllocation(log with a deleted line, roster) names the line after it, and the roster names the person", () => {
    const tampered = lines.filter((_, i) => i !== firstLine + 5);
    const result = verifyAllocation(tampered.join("\n"), roster);
    expect(result.chain.firstBadLine).toBe(7);
    expect(result.chain.reason).toContain("deleted or inserted");
    expect(result.roster!.missing).toEqual(["B2"]);
  });

  it("verifyAllocation(log with a changed seed) fails at line 1", () => {
    const result = verifyAllocation(log.replace("# seed: 42", "# seed: 43"), null);
    expect(result.chain.firstBadLine).toBe(1);
    expect(result.ok).toBe(false);
  });

  it("verifyAllocation(re-chained log with a flipped arm) recomputes the allocation and names line 2", () => {
    const original = verifyAllocation(log, null);
    expect(original.ok).toBe(true);
    const body = lines.slice(firstLine).filter((l) => l !== "").map((l) => {
      const match = /^(\d+),([^,]+),([^,]+),("[^"]*"|[^,]*),([^,]+),([^,]+),/.exec(l)!;
      return { line: Number(match[1]), personId: match[2]!, batch: match[3]!, block: match[4]!.replace(/^"|"$/g, ""), arm: match[5]!, time: match[6]! };
    });
    body[1] = { ...body[1]!, arm: flip(body[1]!.arm) };
    const rechained = formatLog(header, chainLines(headerHash(header), body));
    const result = verifyAllocation(rechained, null);
    expect(result.chain.ok).toBe(true);
    expect(result.allocation.firstBadLine).toBe(2);
  });

  it("verifyAllocation(a plain CSV) reports a log that is not one", () => {
    const result = verifyAllocation("person,arm\nA,control\n", null);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain("the header is not an effekt allocation log header (format 1 with algorithm, seed, arms and blocks)");
    expect(result.allocation.reason).toBe("the allocation cannot be recomputed without a valid header");
  });
});

describe("parseArmRatios(text)", () => {
  it("parseArmRatios(\"control:1, treatment:2\") reads name:ratio pairs in order", () => {
    expect(parseArmRatios("control:1, treatment:2")).toEqual([{ name: "control", ratio: 1 }, { name: "treatment", ratio: 2 }]);
  });
  it("parseArmRatios(one arm, a missing ratio, an upper-case name) is null", () => {
    expect(parseArmRatios("control:1")).toBeNull();
    expect(parseArmRatios("control:1, treatment")).toBeNull();
    expect(parseArmRatios("Control:1, treatment:1")).toBeNull();
  });
});
