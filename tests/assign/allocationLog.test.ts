/** The allocation log's text and hash chain; the hashes below were computed with coreutils' sha256sum on the same bytes. */
import { describe, expect, it } from "vitest";
import { chainLines, firstBrokenLine, formatLog, headerHash, headerText, lineText, parseLog } from "../../src/assign/allocationLog.ts";

const header = headerText({ algorithm: "a", seed: 1, arms: "control:1, treatment:1", blocks: "none" });
const lines = [
  { line: 1, personId: "P1", batch: "all", block: "all", arm: "control", time: "2022-01-01" },
  { line: 2, personId: "P2", batch: "all", block: "all", arm: "treatment", time: "2022-01-01" },
];
// printf '%s\n' "$header" | sha256sum; then printf '%s\n1,P1,all,all,control,2022-01-01' "$h0" | sha256sum; and so on.
const h0 = "b71897dc9fa7654fe0f3a796e98ec750465dd0c1fe8c47a00d3c2848c378ee29";
const h1 = "062b59963ed4797473b49f4d1cfc184e87cf025628a79f8902d8d33cdcfea125";
const h2 = "9b0335ffb8b12d814010bc528b13e01820109d3678660f557caa56d52324716a";

describe("headerText, lineText and chainLines", () => {
  it("headerText(header) writes the five # lines and the column line", () => {
    expect(header).toBe("# effekt allocation log, format 1\n# algorithm: a\n# seed: 1\n# arms: control:1, treatment:1\n# blocks: none\nline,person_id,batch,block,arm,time,sha256\n");
    expect(headerText({ algorithm: "a", seed: 1, arms: "x:1, y:1", blocks: "none", clusters: "school" })).toContain("# clusters: school\nline,person_id,batch,block,cluster,arm,time,sha256\n");
  });
  it("headerHash(header) and chainLines(hash₀, lines) are sha256sum's: hashᵢ = SHA-256(hashᵢ₋₁ + \\n + line i)", () => {
    expect(headerHash(header)).toBe(h0);
    expect(chainLines(h0, lines).map((l) => l.sha256)).toEqual([h1, h2]);
  });
  it("lineText(line) quotes a block holding a comma and places the cluster before the arm", () => {
    expect(lineText({ ...lines[0]!, block: "sex=f, even" })).toBe('1,P1,all,"sex=f, even",control,2022-01-01');
    expect(lineText({ ...lines[0]!, cluster: "s1" })).toBe("1,P1,all,all,s1,control,2022-01-01");
  });
});

describe("parseLog(text) and firstBrokenLine(parsed)", () => {
  const text = formatLog(header, chainLines(h0, lines));
  it("parseLog(formatLog(...)) gives back the header and the lines", () => {
    const parsed = parseLog(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.header).toEqual({ algorithm: "a", seed: 1, arms: "control:1, treatment:1", blocks: "none" });
    expect(parsed.lines).toEqual([{ ...lines[0], sha256: h1 }, { ...lines[1], sha256: h2 }]);
    expect(firstBrokenLine(parsed)).toBeNull();
  });
  it("firstBrokenLine(log with line 2's arm changed) is line 2, position 2", () => {
    const broken = firstBrokenLine(parseLog(text.replace("2,P2,all,all,treatment", "2,P2,all,all,control")));
    expect(broken).toMatchObject({ line: 2, position: 2 });
    expect(broken!.reason).toContain("does not match the chain");
  });
  it("firstBrokenLine(log without line 1) names line 2 found at position 1", () => {
    const withoutFirst = text.split("\n").filter((l) => !l.startsWith("1,")).join("\n");
    expect(firstBrokenLine(parseLog(withoutFirst))).toMatchObject({ line: 2, position: 1 });
  });
  it("parseLog(text with the wrong column line) names the columns expected", () => {
    expect(parseLog(text.replace("line,person_id", "row,person_id")).problems).toEqual(["the column line is not line,person_id,batch,block,arm,time,sha256"]);
  });
});
