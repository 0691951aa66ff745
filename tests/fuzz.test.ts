/** The fuzz suite, bounded: 2,000 damaged extracts and config files in CI (500 by default: tests/propertyRuns.ts), no crash and no count mismatch. */
import { describe, expect, it } from "vitest";
import { fuzz } from "../scripts/fuzz.ts";
import { propertyRuns } from "./propertyRuns.ts";

const cases = propertyRuns(2000);

describe(`fuzz (${cases} cases)`, () => {
  it("no damaged extract or config file crashes a loader or breaks rows read = accepted + quarantined", async () => {
    const result = await fuzz(cases, 20261122, () => {});
    expect(result.failures).toEqual([]);
    expect(result.crashes + result.mismatches).toBe(0);
  });
});

describe("the fuzz harness itself", () => {
  it("reports a crash and a count mismatch when there is one", async () => {
    const { checkExtract, checkConfig } = await import("../scripts/fuzz/harness.ts");
    const throwing = () => (async function* (): AsyncGenerator<never> { throw new TypeError("boom"); })();
    expect(await checkExtract(Buffer.from(""), throwing)).toMatch(/^crash: TypeError: boom/);
    const duplicatedLine = () => (async function* () {
      yield { line: 1, fields: ["PersonNøgle", "Uge", "Ydelseskode"] };
      yield { line: 2, malformed: "bad", raw: "x" };
      yield { line: 2, malformed: "bad", raw: "y" };
    })();
    expect(await checkExtract(Buffer.from(""), duplicatedLine)).toBe("2 rows quarantined but 1 lines named");
    expect(checkConfig("spec", { name: 1 })).toBeNull();
  });
});
