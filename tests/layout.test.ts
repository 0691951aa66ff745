// The layout rule of STYLE.md and #27: every module under src/ with logic has a mirror test (tests/<same path>.test.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasLogic, mirrorOf, surveyMirrors } from "../scripts/mirrorSurvey.ts";

describe("hasLogic(source) counts function bodies, and nothing else", () => {
  it("hasLogic(...) is false for a zod schema, a type, constants and a re-export index", () => {
    expect(hasLogic(`import { z } from "zod";\nexport const Person = z.strictObject({ id: z.string() });\nexport type Person = z.infer<typeof Person>;`)).toBe(false);
    expect(hasLogic(`export interface Row { readonly id: string; f(x: number): number }\nexport type F = (x: number) => number;`)).toBe(false);
    expect(hasLogic(`export const MAX = 1_000;\nexport const KINDS = ["a", "b"] as const;`)).toBe(false);
    expect(hasLogic(`export { welchTest } from "./welchTest.ts";\nexport * from "./schema.ts";`)).toBe(false);
    expect(hasLogic(`export declare function f(x: number): number;`, "kernel.d.ts")).toBe(false);
  });
  it("hasLogic(...) is true for a function, an arrow, a method, a class and a zod refinement", () => {
    expect(hasLogic(`export function f(x: number) { return x + 1; }`)).toBe(true);
    expect(hasLogic(`export const f = (x: number) => x + 1;`)).toBe(true);
    expect(hasLogic(`export const kind = { derive(row: number) { return row; } };`)).toBe(true);
    expect(hasLogic(`export class Table { get size() { return 0; } }`)).toBe(true);
    expect(hasLogic(`import { z } from "zod";\nexport const Day = z.string().refine((t) => t.length === 10);`)).toBe(true);
    expect(hasLogic(`parentPort?.on("message", function (m) { post(m); });`, "worker.js")).toBe(true);
  });
});

describe("surveyMirrors(root) finds the modules with logic and no mirror", () => {
  it("mirrorOf(path) maps src/a/b.ts and src/a/b.js to tests/a/b.test.ts", () => {
    expect(mirrorOf("src/stats/welchTest.ts")).toBe("tests/stats/welchTest.test.ts");
    expect(mirrorOf("src/stats/gramStripes.js")).toBe("tests/stats/gramStripes.test.ts");
  });

  it("surveyMirrors(tree) names the unmirrored module with logic, skips the schema, honours and checks exemptions", () => {
    const dir = mkdtempSync(join(tmpdir(), "effekt-layout-"));
    const files: Record<string, string> = {
      "src/a/mirrored.ts": "export const f = () => 1;",
      "tests/a/mirrored.test.ts": "",
      "src/a/bare.ts": "export function g() { return 2; }",
      "src/a/schema.ts": "export const N = 3;",
      "src/a/excused.ts": "export function h() { return 4; }",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const survey = surveyMirrors(dir, { "src/a/excused.ts": "reason", "src/a/mirrored.ts": "reason", "src/a/gone.ts": "reason" });
    expect(survey.modules).toEqual(["src/a/bare.ts", "src/a/excused.ts", "src/a/mirrored.ts", "src/a/schema.ts"]);
    expect(survey.withLogic).toEqual(["src/a/bare.ts", "src/a/excused.ts", "src/a/mirrored.ts"]);
    expect(survey.mirrored).toEqual(["src/a/mirrored.ts"]);
    expect(survey.missing).toEqual(["src/a/bare.ts"]);
    expect(survey.exempt).toEqual(["src/a/excused.ts"]);
    expect(survey.staleExemptions).toEqual(["src/a/mirrored.ts", "src/a/gone.ts"]);
  });
});

describe("the repository keeps the rule", () => {
  const survey = surveyMirrors();
  it("surveyMirrors() finds no module with logic under src/ without a mirror test or a stated exemption", () => {
    expect(survey.missing).toEqual([]);
  });
  it("surveyMirrors() finds no exemption in MIRROR_EXEMPT that is no longer needed", () => {
    expect(survey.staleExemptions).toEqual([]);
  });
});
