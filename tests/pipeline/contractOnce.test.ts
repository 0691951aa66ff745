/**
 * One contract per id (issue 25, bounded resources): a contract listed twice in the spec — the same file twice, or
 * two files with the same contract name — was counted twice (capital 28,800,000 for Ungifokus's 14,400,000); so was
 * a portfolio row naming a contract another row names. Each now stops the repay stage naming both places.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runStage } from "../../pipeline/run.ts";
import { messages } from "../../src/messages.ts";
import { StopRun } from "../../src/shared/issues.ts";

const log = () => {};
const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-contract-once-"));

/** The shipped example's spec with its file paths made absolute, changed by `change`, written to a temp folder. */
function variantSpec(change: (spec: any) => void): string {
  const specPath = "fixtures/ungifokus/spec.json";
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const base = resolve(specPath, "..");
  for (const extract of Object.values<any>(spec.extracts)) extract.file = resolve(base, extract.file);
  if (spec.benefitCodes) spec.benefitCodes.file = resolve(base, spec.benefitCodes.file);
  if (spec.assumptions) spec.assumptions = [spec.assumptions].flat().map((f: string) => resolve(base, f));
  spec.contract = [spec.contract].flat().map((f: string) => resolve(base, f));
  spec.portfolio = resolve(base, spec.portfolio);
  change(spec);
  const path = join(tempDir(), "spec.json");
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

async function repayStop(spec: string): Promise<StopRun> {
  const error = await runStage("repay", { specPath: spec, outDir: join(tempDir(), "out"), log }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StopRun);
  return error as StopRun;
}

const ungifokus = resolve("fixtures/contracts/ungifokus.json");

describe("one contract per id", () => {
  it("the same contract file listed twice stops, naming the second place and the first", async () => {
    const stop = await repayStop(variantSpec((s) => s.contract.push(ungifokus)));
    const twice = stop.issues.filter((i) => i.code === "contract_twice");
    expect(twice).toHaveLength(1);
    expect(twice[0]!.message).toBe(messages.contractTwice("ungifokus", twice[0]!.file!));
    expect(twice[0]!.file).toContain("ungifokus.json");
  });

  it("a copy of a contract under another file name stops, naming both files", async () => {
    const copy = join(tempDir(), "ungifokus-copy.json");
    cpSync(ungifokus, copy);
    const stop = await repayStop(variantSpec((s) => s.contract.push(copy)));
    const twice = stop.issues.find((i) => i.code === "contract_twice")!;
    expect(twice.file).toContain("ungifokus-copy.json");
    expect(twice.message).toContain("contract 'ungifokus' is listed a second time (first in ");
    expect(twice.message).toMatch(/first in [^)]*ungifokus\.json\)/);
    expect(twice.path).toEqual(["name"]);
  });

  it("a portfolio naming one contract in two rows stops, naming both rows", async () => {
    const portfolio = JSON.parse(readFileSync("fixtures/contracts/portfolio-002.json", "utf8"));
    const ungi = portfolio.rows.findIndex((r: { contract?: string }) => r.contract === "ungifokus");
    portfolio.rows.push({ ...portfolio.rows[ungi] });
    const file = join(tempDir(), "portfolio.json");
    writeFileSync(file, JSON.stringify(portfolio));
    const stop = await repayStop(variantSpec((s) => (s.portfolio = file)));
    const twice = stop.issues.find((i) => i.code === "contract_twice")!;
    expect(twice.path).toEqual(["rows", portfolio.rows.length - 1, "contract"]);
    expect(twice.message).toBe(messages.portfolioContractTwice("ungifokus", ungi));
  });
});
