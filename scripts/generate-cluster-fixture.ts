/**
 * Writes the cluster-randomised example (fixtures/clusters/): 30 caseworkers (the clusters) of
 * unequal caseloads, 3 to 19 persons each, in two districts (the block, a cluster-level
 * variable); whole caseworkers are randomised within district by the spec's seed. Paid hours
 * per month over the first year, with a caseworker-level random effect, so persons of one
 * caseworker are correlated (what the cluster-robust SEs are for), and an invented effect of
 * +12 hours a month for the programme arm. Every number here is invented (illustrative).
 *
 *   node bin/run-ts.js scripts/generate-cluster-fixture.ts      (seed 20240101; the files are committed)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addMonths, dayFromParts, isoDate, partsFromDay } from "../src/shared/dates.ts";
import { randomInteger, seededRandom } from "../src/shared/random.ts";
import { randomiseClusters } from "../src/assign/randomiseClusters.ts";

const SEED = 20240101;
/** The spec's assignment seed: the generator draws the same allocation the pipeline will, to give the effect. */
const ASSIGNMENT_SEED = 20240301;
const r = seededRandom(SEED);
const normal = () => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
const dir = join("fixtures", "clusters");
mkdirSync(dir, { recursive: true });

const persons: { id: string; birth: number; sex: string; start: number; district: string; caseworker: string }[] = [];
for (let c = 1; c <= 30; c += 1) {
  const caseworker = `SB${String(c).padStart(2, "0")}`;
  const district = c % 2 === 0 ? "nord" : "syd";
  const size = 3 + randomInteger(r, 17);
  for (let k = 0; k < size; k += 1) {
    const start = dayFromParts(2024, 1 + randomInteger(r, 6), 1 + randomInteger(r, 28))!;
    const birth = dayFromParts(1994 + randomInteger(r, 10), 1 + randomInteger(r, 12), 1 + randomInteger(r, 28))!;
    persons.push({ id: `P${String(persons.length + 1).padStart(4, "0")}`, birth, sex: r.next() < 0.45 ? "K" : "M", start, district, caseworker });
  }
}
const allocation = randomiseClusters(
  persons.map((p) => ({ personId: p.id, block: `target_group=${p.district}`, cluster: p.caseworker })),
  [{ name: "control", ratio: 1 }, { name: "programme", ratio: 1 }],
  ASSIGNMENT_SEED,
  "all",
);
const caseworkerEffect = new Map([...new Set(persons.map((p) => p.caseworker))].map((c) => [c, 15 * normal()]));
const population = [["borger_id", "foedselsdato", "koen", "startdato", "maalgruppe", "sagsbehandler"]];
const hours = [["borger_id", "maaned", "timer"]];
for (const p of persons) {
  population.push([p.id, isoDate(p.birth), p.sex, isoDate(p.start), p.district, p.caseworker]);
  const level = 40 + caseworkerEffect.get(p.caseworker)! + (allocation.persons.get(p.id) === "programme" ? 12 : 0) + 10 * normal();
  const first = partsFromDay(p.start);
  for (let m = 0; m < 13; m += 1) {
    const { year, month } = partsFromDay(addMonths(dayFromParts(first.year, first.month, 1)!, m));
    const value = Math.max(0, Math.round(level + 20 * normal()));
    if (value > 0) hours.push([p.id, `${year}-${String(month).padStart(2, "0")}`, String(value)]);
  }
}
const csv = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join(",")).join("\n") + "\n";
writeFileSync(join(dir, "population.csv"), csv(population));
writeFileSync(join(dir, "paid_hours.csv"), csv(hours));
console.error(`fixtures: clusters: ${persons.length} persons in 30 clusters → ${dir}/`);
