import { describe, expect, it } from "vitest";
import { knownGroups, parseBenefitCodes } from "../../src/ingest/parseBenefitCodes.ts";
import { StopRun } from "../../src/shared/issues.ts";
import { rowsOf } from "../helpers.ts";

const read = (lines: string[][]) => parseBenefitCodes(rowsOf(lines), "codes.csv", "self_supporting");
async function stopOf(lines: string[][]): Promise<StopRun> {
  try {
    await read(lines);
  } catch (error) {
    if (error instanceof StopRun) return error;
    throw error;
  }
  throw new Error("parseBenefitCodes did not stop");
}

describe("parseBenefitCodes(rows, file, absentGroup)", () => {
  it("parseBenefitCodes(code,group,label) maps each code to its group, cells trimmed, columns in any order", async () => {
    const codes = await read([["label", "group", "code"], ["Kontanthjælp", " public_support ", "134"], ["Fleksjob", "flex_job", "521"]]);
    expect([...codes.groupOfCode]).toEqual([["134", "public_support"], ["521", "flex_job"]]);
    expect(codes.absentGroup).toBe("self_supporting");
  });
  it("parseBenefitCodes(a code twice) stops naming the code and line 3", async () => {
    const stop = await stopOf([["code", "group"], ["134", "a"], ["134", "b"]]);
    expect(stop.message).toContain("code 134 is listed twice");
    expect(stop.issues[0]).toMatchObject({ code: "benefit_codes_invalid", file: "codes.csv", line: 3 });
  });
  it("parseBenefitCodes(no group column, an empty group, an empty file) stops", async () => {
    expect((await stopOf([["code", "label"], ["134", "x"]])).message).toContain("the header must have the columns code and group");
    expect((await stopOf([["code", "group"], ["134", ""]])).message).toContain("code and group must both be given");
    expect((await stopOf([])).issues[0]).toMatchObject({ code: "benefit_codes_invalid", file: "codes.csv" });
  });
  it("knownGroups(codes) is every group once, with the absent group, sorted", () => {
    expect(knownGroups({ groupOfCode: new Map([["1", "su"], ["2", "flex_job"], ["3", "su"]]), absentGroup: "self_supporting" })).toEqual(["flex_job", "self_supporting", "su"]);
  });
});
