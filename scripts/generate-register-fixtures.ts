/**
 * Writes synthetic register extracts for the rate-card contracts (fixtures/registers/<name>/),
 * so each contract's triggers are measured from extracts instead of typed in:
 *
 *   node bin/run-ts.js scripts/generate-register-fixtures.ts      (seed 20230101; the files are committed)
 *
 *   havnen, hjem-job-helhed   Housing First: young people starting 2021–2023; shelter stays (SEL § 110),
 *                             paid hours per month, education spells (SU-eligible flag), action-plan assessments
 *   laer-for-livet            children aged 10–13 starting 2022–2025; camps and mentor meetings, the 9th-grade
 *                             exam (FSA) at 16, upper secondary from 16 (completed at 19)
 *   ips-plus                  young people under 30 starting 2023–2024; paid hours per month
 *   udvidet-ips               60 citizens over 30 with moderate/severe mental illness starting 2023–2024 (002 lines
 *                             2410–2540: 'ca. 60 borgere', project 2023–2025); paid hours per month
 *   dialog-mod-vold           25 families starting 2021–2023 (002 line 1564); treatment completed, crisis-centre stays
 *
 * Every rate and size here is invented (illustrative): the documents give the triggers, not the data.
 * Each investment draws from its own seeded stream, so adding one never moves another's files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addMonths, dayFromParts, isoDate, monthIndex, partsFromDay, type DayNumber } from "../src/shared/dates.ts";
import { randomInteger, seededRandom, type RandomSource } from "../src/shared/random.ts";

const SEED = 20230101;
const csv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.join(",")).join("\n") + "\n";
const month = (m: number) => {
  const { year, month: mm } = partsFromDay(dayOfMonthIndex(m));
  return `${year}-${String(mm).padStart(2, "0")}`;
};
const dayOfMonthIndex = (m: number): DayNumber => dayFromParts(Math.floor(m / 12), (m % 12) + 1, 1)!;

function writeAll(name: string, files: Record<string, (string | number)[][]>): void {
  const dir = join("fixtures", "registers", name);
  mkdirSync(dir, { recursive: true });
  for (const [file, rows] of Object.entries(files)) writeFileSync(join(dir, file), csv(rows));
  console.error(`fixtures: ${name}: ${files["population.csv"]!.length - 1} persons → ${dir}/`);
}

function starts(r: RandomSource, fromYear: number, toYear: number, perYear: number): DayNumber[] {
  const out: DayNumber[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    for (let i = 0; i < perYear; i += 1) out.push(dayFromParts(year, 1 + randomInteger(r, 12), 1 + randomInteger(r, 28))!);
  }
  return out.sort((a, b) => a - b);
}

/** Housing First: 6-month outcomes as 002 lists them, planted at the rates given. */
function housingFirst(name: string, prefix: string, seed: number, perYear: number, asOf: DayNumber): void {
  const r = seededRandom(seed);
  const yes = (p: number) => r.next() < p;
  const population: (string | number)[][] = [["person_id", "birth_date", "sex", "start_date"]];
  const shelter: (string | number)[][] = [["person_id", "date_in", "date_out"]];
  const hours: (string | number)[][] = [["person_id", "month", "hours"]];
  const education: (string | number)[][] = [["person_id", "start_date", "end_date", "level", "su"]];
  const plans: (string | number)[][] = [["person_id", "date", "result"]];
  starts(r, 2021, 2023, perYear).forEach((start, i) => {
    const id = `${prefix}-${String(i + 1).padStart(3, "0")}`;
    population.push([id, isoDate(start - 365 * (18 + randomInteger(r, 12)) - randomInteger(r, 365)), yes(0.4) ? "female" : "male", isoDate(start)]);
    // Nights in a shelter over the first 6 months: 0–5 for the stably housed (70 %), 6–40 for the rest.
    const nights = yes(0.7) ? randomInteger(r, 6) : 6 + randomInteger(r, 35);
    let left = nights;
    let day = start + randomInteger(r, 30);
    while (left > 0) {
      const stay = Math.min(left, 1 + randomInteger(r, 8));
      shelter.push([id, isoDate(day), isoDate(day + stay)]);
      left -= stay;
      day += stay + 5 + randomInteger(r, 20);
    }
    const employed = yes(0.35);
    for (let m = monthIndex(start) + 1; m <= monthIndex(asOf); m += 1) {
      const h = employed ? 30 + randomInteger(r, 60) : yes(0.1) ? 5 + randomInteger(r, 10) : 0;
      if (h > 0) hours.push([id, month(m), h]);
    }
    if (yes(0.2)) {
      const from = start + 20 + randomInteger(r, 300);
      education.push([id, isoDate(from), yes(0.5) ? isoDate(from + 60 + randomInteger(r, 300)) : "", ["EUD", "HF", "AMU"][randomInteger(r, 3)]!, yes(0.8) ? "J" : "N"]);
    }
    for (let k = 1; k <= 8; k += 1) {
      const date = addMonths(start, 2 * k) - randomInteger(r, 10);
      if (date > asOf) break;
      plans.push([id, isoDate(date), yes(0.45) ? "fremgang" : "ingen"]);
    }
  });
  writeAll(name, { "population.csv": population, "shelter_stays.csv": shelter, "paid_hours.csv": hours, "education.csv": education, "action_plan.csv": plans });
}

/** Lær for Livet: camps in the first year (three) and then a yearly weekend camp for five years, mentor meetings, FSA, upper secondary. */
function laerForLivet(seed: number, asOf: DayNumber): void {
  const r = seededRandom(seed);
  const yes = (p: number) => r.next() < p;
  const population: (string | number)[][] = [["person_id", "birth_date", "sex", "start_date"]];
  const activities: (string | number)[][] = [["person_id", "activity", "date"]];
  const exams: (string | number)[][] = [["person_id", "exam", "date", "result"]];
  const education: (string | number)[][] = [["person_id", "start_date", "end_date", "level", "completed"]];
  starts(r, 2022, 2025, 20).forEach((start, i) => {
    const id = `LFL-${String(i + 1).padStart(3, "0")}`;
    const startYear = partsFromDay(start).year;
    const age = 10 + randomInteger(r, 4);
    const birthYear = startYear - age;
    population.push([id, isoDate(dayFromParts(birthYear, 1 + randomInteger(r, 12), 1 + randomInteger(r, 28))!), yes(0.5) ? "female" : "male", isoDate(start)]);
    let active = true;
    for (let year = startYear; year <= 2034; year += 1) {
      if (active && year > startYear && yes(0.08)) active = false;
      if (active && year - startYear <= 5) {
        const camps = year === startYear ? 3 : 1;
        for (let c = 0; c < camps; c += 1) {
          const date = dayFromParts(year, 6 + 2 * c, 10)!;
          if (date >= start && date <= asOf && yes(0.9)) activities.push([id, "camp", isoDate(date)]);
        }
        for (let m = 1; m <= 12; m += 3) {
          const date = dayFromParts(year, m, 15)!;
          if (date >= start && date <= asOf && yes(0.85)) activities.push([id, "mentor", isoDate(date)]);
        }
      }
    }
    const fsaDay = dayFromParts(birthYear + 16, 6, 20)!;
    if (fsaDay <= asOf) {
      const passed = yes(0.6);
      exams.push([id, "FSA9", isoDate(fsaDay), passed ? "bestået" : "ikke bestået"]);
      const enrol = dayFromParts(birthYear + 16, 8, 12)!;
      if (passed && enrol <= asOf && yes(0.8)) {
        const end = dayFromParts(birthYear + 19, 6, 25)!;
        const done = yes(0.6);
        education.push([id, isoDate(enrol), end <= asOf ? isoDate(done ? end : enrol + 200) : "", ["STX", "HHX", "EUD"][randomInteger(r, 3)]!, end <= asOf ? (done ? "J" : "N") : ""]);
      }
    }
  });
  writeAll("laer-for-livet", { "population.csv": population, "activities.csv": activities, "exams.csv": exams, "education.csv": education });
}

/** IPS+: about half in ordinary work (002: "cirka halvdelen af borgerne kommer i beskæftigelse"), hours per month. */
function ipsPlus(seed: number, asOf: DayNumber): void {
  const r = seededRandom(seed);
  const yes = (p: number) => r.next() < p;
  const population: (string | number)[][] = [["person_id", "birth_date", "sex", "start_date"]];
  const hours: (string | number)[][] = [["person_id", "month", "hours"]];
  starts(r, 2023, 2024, 60).forEach((start, i) => {
    const id = `IPS-${String(i + 1).padStart(3, "0")}`;
    population.push([id, isoDate(start - 365 * (18 + randomInteger(r, 11)) - randomInteger(r, 365)), yes(0.5) ? "female" : "male", isoDate(start)]);
    const firstJob = yes(0.5) ? monthIndex(start) + 2 + randomInteger(r, 12) : Infinity;
    const perMonth = 40 + randomInteger(r, 100);
    for (let m = firstJob; m <= monthIndex(asOf); m += 1) if (yes(0.9)) hours.push([id, month(m), perMonth]);
  });
  writeAll("ips-plus", { "population.csv": population, "paid_hours.csv": hours });
}

/** Udvidet IPS-indsats: 60 citizens over 30 (002 line 2525: 'ca. 60 borgere'), about half in work at some point, hours per month. */
function udvidetIps(seed: number, asOf: DayNumber): void {
  const r = seededRandom(seed);
  const yes = (p: number) => r.next() < p;
  const population: (string | number)[][] = [["person_id", "birth_date", "sex", "start_date"]];
  const hours: (string | number)[][] = [["person_id", "month", "hours"]];
  starts(r, 2023, 2024, 30).forEach((start, i) => {
    const id = `UIPS-${String(i + 1).padStart(3, "0")}`;
    population.push([id, isoDate(start - 365 * (31 + randomInteger(r, 30)) - randomInteger(r, 365)), yes(0.5) ? "female" : "male", isoDate(start)]);
    const firstJob = yes(0.45) ? monthIndex(start) + 3 + randomInteger(r, 18) : Infinity;
    const perMonth = 30 + randomInteger(r, 90);
    for (let m = firstJob; m <= monthIndex(asOf); m += 1) if (yes(0.85)) hours.push([id, month(m), perMonth]);
  });
  writeAll("udvidet-ips", { "population.csv": population, "paid_hours.csv": hours });
}

/** Dialog mod Vold: a course of up to a year ends completed or not; stays at a women's crisis centre (§ 109) in some years. */
function dialogModVold(seed: number, asOf: DayNumber): void {
  const r = seededRandom(seed);
  const yes = (p: number) => r.next() < p;
  const population: (string | number)[][] = [["person_id", "birth_date", "sex", "start_date"]];
  const activities: (string | number)[][] = [["person_id", "activity", "date"]];
  const stays: (string | number)[][] = [["person_id", "date_in", "date_out"]];
  const assessment: (string | number)[][] = [["person_id", "item", "date"]];
  starts(r, 2021, 2023, 9).forEach((start, i) => {
    const id = `DMV-${String(i + 1).padStart(3, "0")}`;
    population.push([id, isoDate(start - 365 * (25 + randomInteger(r, 20))), yes(0.2) ? "female" : "male", isoDate(start)]);
    assessment.push([id, "family_assessment", isoDate(start + 10 + randomInteger(r, 70))]);
    const end = start + 180 + randomInteger(r, 180);
    if (end <= asOf && yes(0.7)) activities.push([id, "completed", isoDate(end)]);
    for (let year = partsFromDay(start).year; year <= partsFromDay(asOf).year; year += 1) {
      if (!yes(0.25)) continue;
      const from = Math.max(start, dayFromParts(year, 1 + randomInteger(r, 12), 1 + randomInteger(r, 28))!);
      if (from + 14 <= asOf) stays.push([id, isoDate(from), isoDate(from + 3 + randomInteger(r, 10))]);
    }
  });
  writeAll("dialog-mod-vold", { "population.csv": population, "activities.csv": activities, "crisis_centre.csv": stays, "assessment.csv": assessment });
}

housingFirst("havnen", "HAV", SEED, 20, dayFromParts(2024, 12, 31)!);
housingFirst("hjem-job-helhed", "HJH", SEED + 1, 15, dayFromParts(2024, 12, 31)!);
laerForLivet(SEED + 2, dayFromParts(2026, 12, 31)!);
ipsPlus(SEED + 3, dayFromParts(2026, 12, 31)!);
dialogModVold(SEED + 4, dayFromParts(2024, 12, 31)!);
udvidetIps(SEED + 5, dayFromParts(2026, 12, 31)!);
