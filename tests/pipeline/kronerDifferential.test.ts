/**
 * Issue 15: UngiFokus's differential in kroner ("Hvis indsatsgruppen har et lavere forbrug af
 * overførselsudgifter end kontrolgruppen tilbagebetales dét beløb", 002 lines 1396–1399), from a
 * monthly benefit-payments extract. Each period's amount is re-derived here from the person-level
 * work/outcomes.csv and work/assignments.csv: (mean_control − mean_treated) × n_treated, in kroner.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runPipeline } from "../../pipeline/run.ts";

const out = join(mkdtempSync(join(tmpdir(), "effekt-kroner-")), "run");
beforeAll(async () => {
  await runPipeline({ specPath: "fixtures/ungifokus/spec-kroner.json", outDir: out, log: () => {} });
});

describe("the UngiFokus differential in kroner", () => {
  it("each follow-up year pays (mean_control − mean_treated) kr × n_treated, from the person-level files", () => {
    const outcomes = parse(readFileSync(join(out, "work", "outcomes.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const arms = new Map((parse(readFileSync(join(out, "work", "assignments.csv"), "utf8"), { columns: true }) as { personId: string; arm: string }[]).map((a) => [a.personId, a.arm]));
    const contract = JSON.parse(readFileSync(join(out, "repayment.json"), "utf8")).contracts[0];
    ["benefit_kr_y1", "benefit_kr_y2", "benefit_kr_y3"].forEach((outcome, i) => {
      const values = (arm: string) => outcomes.filter((o) => arms.get(o.personId!) === arm && o[outcome] !== "").map((o) => Number(o[outcome]));
      const treated = values("treatment");
      const control = values("control");
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const byHand = Math.max(0, mean(control) - mean(treated)) * treated.length;
      const line = contract.lines.find((l: { item: string }) => l.item === outcome);
      expect(line.basis.n_treated).toBe(treated.length);
      expect(line.amount).toBeCloseTo(byHand, 1);
      expect(contract.periods[i].computedAmount).toBeCloseTo(byHand, 1);
    });
  });
});
