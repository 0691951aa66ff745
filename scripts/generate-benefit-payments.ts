/**
 * Writes fixtures/ungifokus/benefit_payments.csv — the kroner beside the shipped weekly benefit
 * status: each week on a public-support code pays that code's weekly rate, booked in the month of
 * the week's Monday. Deterministic (no random draws): it follows benefits_long.csv, so the kroner
 * differential and the days differential rest on the same weeks.
 *
 *   node bin/run-ts.js scripts/generate-benefit-payments.ts
 *
 * The weekly rates are illustrative (2023 levels, rounded; not in the documents).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { partsFromDay } from "../src/shared/dates.ts";
import { parseWeek } from "../src/ingest/parseValue.ts";

const WEEKLY_KR: Record<string, number> = { "111": 4500, "130": 3400, "134": 1900, "511": 4200, "783": 4300, "890": 4400 };
const dir = join("fixtures", "ungifokus");
const lines = readFileSync(join(dir, "benefits_long.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).slice(1).filter(Boolean);
const totals = new Map<string, number>();
for (const line of lines) {
  const [person, week, code] = line.split(";");
  const rate = WEEKLY_KR[code!];
  const monday = parseWeek(week!, "iso");
  if (rate === undefined || monday === null) continue;
  const { year, month } = partsFromDay(monday);
  const key = `${person};${year}${String(month).padStart(2, "0")};${code}`;
  totals.set(key, (totals.get(key) ?? 0) + rate);
}
const rows = [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, kr]) => `${key};${kr},00`);
writeFileSync(join(dir, "benefit_payments.csv"), ["PNR;MAANED;YDELSE;BELOEB_KR", ...rows].join("\n") + "\n");
console.error(`fixtures: ${rows.length} person-months of benefit payments → ${dir}/benefit_payments.csv`);
