/**
 * Writes the shipped example: a realistic UngiFokus-like trial in fixtures/ungifokus/.
 *
 *   npm run fixtures            (seed 20211001; the files are committed, so a run needs no generation)
 *
 * About 500 persons aged 18–28, referred from October 2021 at about 125 a year and
 * randomised 1:1 in quarterly batches, with every extract kind effekt reads, each in
 * a different dialect as Danish exports come (see fixtures/ungifokus/README.md).
 * Effects of the published size are planted (MISSION.md, 001_a260641341157ea2.txt):
 * education +5 pp at 2 years on an 11 % base, self-supporting −3.5 pp, flex-job odds ×3,
 * fewer days on public support, fewer paid hours, psychiatric admission 5.5 % vs 11 %,
 * admission days 1.8 vs 4.6, outpatient 38.5 % vs 36.2 %, ER visits −0.7 a year,
 * social services −300 kr a month, convictions 0.27 a year in both arms.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addMonths, dayFromParts, firstDayOfMonthIndex, isoDate, mondayOfWeek, monthIndex, partsFromDay, type DayNumber } from "../src/shared/dates.ts";
import { randomInteger, seededRandom, type RandomSource } from "../src/shared/random.ts";
import { wholeYearsBetween } from "../src/shared/dates.ts";
import { batchOf, blockOf } from "../src/assign/blockAndBatch.ts";
import { randomiseBatch } from "../src/assign/randomiseBatch.ts";

// The design in fixtures/ungifokus/spec.json ("assignment"): 1:1, blocked by sex × age band, quarterly batches.
const ARMS = [{ name: "control", ratio: 1 }, { name: "treatment", ratio: 1 }];
const BLOCKS = [{ covariate: "female" }, { covariate: "age", breaks: [23] }];

const SEED = 20211001;
const OUT = join("fixtures", "ungifokus");
const FIRST_START = dayFromParts(2021, 10, 1)!;
const LAST_START = dayFromParts(2025, 9, 30)!;
const DATA_END = dayFromParts(2026, 9, 30)!; // the extracts are cut at the spec's asOf
const DATA_START = dayFromParts(2020, 9, 28)!; // a Monday: a year of history before the first start
const PERSONS_PER_YEAR = 125;

const random = seededRandom(SEED);
const uniform = (a: number, b: number) => a + (b - a) * random.next();
const bernoulli = (p: number) => random.next() < p;
const pick = <T>(items: readonly T[]): T => items[randomInteger(random, items.length)] as T;
function poisson(r: RandomSource, mean: number): number {
  // Knuth's method; means here are small.
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k += 1;
  return k;
}
const exponential = (mean: number) => -mean * Math.log(1 - random.next());

type Arm = "treatment" | "control";
interface Person {
  id: string;
  birth: DayNumber;
  sex: "K" | "M";
  referral: DayNumber;
  start: DayNumber;
  group: string;
  batch: string;
  arm: Arm;
  time: string;
  exit: { date: DayNumber; reason: "udvandret" | "død" } | null;
}

// 1. Roster: referrals at ~125 a year, randomised 1:1 within quarterly batches.
const persons: Person[] = [];
{
  let day = FIRST_START;
  let n = 0;
  while (day <= LAST_START) {
    const age = uniform(18, 29);
    const start = day + randomInteger(random, 10);
    persons.push({
      id: `UF${String(++n).padStart(5, "0")}`,
      birth: Math.round(start - age * 365.25),
      sex: bernoulli(0.52) ? "K" : "M",
      referral: start - 7 - randomInteger(random, 21),
      start: Math.min(start, LAST_START),
      group: pick(["Uddannelseshjælp, aktivitetsparat", "Uddannelseshjælp, aktivitetsparat", "Uddannelseshjælp, uddannelsesparat", "Kontanthjælp, aktivitetsparat"]),
      batch: "",
      arm: "control",
      time: "",
      exit: null,
    });
    day += Math.max(1, Math.round(exponential(365.25 / PERSONS_PER_YEAR)));
  }
  // Randomised exactly as the shipped spec's assignment says, so that `effekt run` reproduces these arms from the seed.
  const roster = persons.map((p) => ({ p, batch: batchOf("quarter", isoDate(p.referral)), block: blockOf(BLOCKS, (id) => (id === "female" ? String(Number(p.sex === "K")) : String(wholeYearsBetween(p.birth, p.start)))) }));
  for (const batch of [...new Set(roster.map((r) => r.batch))].sort()) {
    const members = roster.filter((r) => r.batch === batch);
    const arms = randomiseBatch(members.map((m) => ({ personId: m.p.id, block: m.block })), ARMS, SEED, batch);
    const time = members.map((m) => isoDate(m.p.referral)).sort().at(-1)!;
    for (const m of members) Object.assign(m.p, { batch, arm: arms.get(m.p.id), time });
  }
}

// 2. Paths through follow-up, with the published effect sizes planted.
const weeksOf = (from: DayNumber, to: DayNumber) => {
  const weeks: DayNumber[] = [];
  for (let m = mondayOfWeek(from) < from ? mondayOfWeek(from) + 7 : mondayOfWeek(from); m < to; m += 7) weeks.push(m);
  return weeks;
};
const benefitWeeks = new Map<string, Map<DayNumber, string>>();
const education: string[][] = [];
const hours: string[][] = [];
const psychiatry: string[][] = [];
const social: string[][] = [];
const convictions: string[][] = [];
const releases: string[][] = [];
const SUPPORT_CODES = ["134", "134", "134", "130"];
const danishNumber = (value: number, decimals: number) => {
  const [whole, fraction] = value.toFixed(decimals).split(".");
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction ? `${grouped},${fraction}` : grouped;
};
const yyyymmdd = (day: DayNumber) => isoDate(day).replace(/-/g, "");
const sasDate = (day: DayNumber) => {
  const { year, month, day: d } = partsFromDay(day);
  return `${String(d).padStart(2, "0")}${["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"][month - 1]}${year}`;
};
const monthText = (index: number) => `${Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, "0")}`;

for (const p of persons) {
  // A few leave the registers: follow-up, and every register, ends there.
  const leaves = random.next();
  if (leaves < 0.02) p.exit = { date: p.start + 30 + randomInteger(random, Math.max(1, DATA_END - p.start - 30)), reason: leaves < 0.015 ? "udvandret" : "død" };
  const lastDay = p.exit ? p.exit.date : DATA_END;
  const treated = p.arm === "treatment";
  const weeks = new Map<DayNumber, string>();
  const supportCode = pick(SUPPORT_CODES);
  // History: mostly on public support in the year before start.
  for (const w of weeksOf(DATA_START, p.start)) if (w >= p.start - 7 * 60 && bernoulli(0.8)) weeks.set(w, supportCode);
  // Follow-up path: education, job, flex-job, or staying on support.
  const u = random.next();
  const pEducation = treated ? 0.16 : 0.11;
  const pJob = treated ? 0.165 : 0.2;
  const pFlex = treated ? 0.07 : 0.025;
  const changeAt = addMonths(p.start, Math.floor(uniform(2, 22)));
  const path = u < pEducation ? "education" : u < pEducation + pJob ? "job" : u < pEducation + pJob + pFlex ? "flex" : "support";
  for (const w of weeksOf(p.start, lastDay + 1)) {
    if (w < changeAt || path === "support") {
      if (bernoulli(treated ? 0.9 : 0.92)) weeks.set(w, supportCode);
      else if (bernoulli(0.3)) weeks.set(w, "890");
    } else if (path === "education") weeks.set(w, "651");
    else if (path === "flex") weeks.set(w, "521");
  }
  benefitWeeks.set(p.id, weeks);
  if (path === "education") {
    const end = addMonths(changeAt, Math.floor(uniform(26, 48)));
    education.push([p.id, pick(["0751", "2040", "3010", "5080"]), yyyymmdd(changeAt), end > lastDay ? "" : yyyymmdd(end)]);
  }
  if (bernoulli(0.1)) {
    const from = addMonths(p.start, Math.floor(uniform(1, 8)));
    if (from < lastDay) education.push([p.id, pick(["0751", "1021"]), yyyymmdd(from), yyyymmdd(Math.min(addMonths(from, 3), lastDay))]);
  }
  // Paid hours: full-time-ish in a job, a little in flex-job, odd hours otherwise.
  for (let m = monthIndex(p.start) - 12; m <= monthIndex(lastDay); m += 1) {
    const first = firstDayOfMonthIndex(m);
    let h = 0;
    if (first >= changeAt && path === "job") h = uniform(90, 160);
    else if (first >= changeAt && path === "flex") h = uniform(40, 80);
    else if (bernoulli(0.05)) h = uniform(5, 40);
    if (h > 0) hours.push([p.id, monthText(m), danishNumber(Math.round(h * 4) / 4, 2), danishNumber(Math.round(h * 142), 0)]);
  }
  // Psychiatry over the first two years and after.
  const followYears = (lastDay - p.start) / 365.25;
  if (bernoulli(treated ? 0.055 : 0.11)) {
    const admit = p.start + randomInteger(random, 700);
    const nights = Math.max(1, Math.round(exponential(treated ? 32 : 42)));
    if (admit <= lastDay) psychiatry.push([p.id, "indlæggelse", sasDate(admit), admit + nights <= lastDay ? sasDate(admit + nights) : ""]);
  }
  if (bernoulli(0.15)) {
    const admit = p.start - 30 - randomInteger(random, 300);
    psychiatry.push([p.id, "indlæggelse", sasDate(admit), sasDate(admit + 1 + randomInteger(random, 30))]);
  }
  if (bernoulli(treated ? 0.385 : 0.362)) {
    const visits = 1 + poisson(random, treated ? 16.9 : 20);
    for (let i = 0; i < visits; i += 1) {
      const day = p.start + randomInteger(random, 730);
      if (day <= lastDay) psychiatry.push([p.id, "ambulant", sasDate(day), sasDate(day)]);
    }
  }
  const erVisits = poisson(random, (treated ? 0.5 : 1.2) * Math.min(followYears, 3));
  for (let i = 0; i < erVisits; i += 1) {
    const day = p.start + randomInteger(random, Math.max(1, Math.floor(Math.min(followYears, 3) * 365)));
    psychiatry.push([p.id, "akut", sasDate(day), sasDate(day)]);
  }
  // Social services: measures under Serviceloven, monthly.
  const receives = bernoulli(treated ? 0.55 : 0.62);
  const level = uniform(2500, 5000);
  for (let m = monthIndex(p.start); m <= monthIndex(lastDay); m += 1) {
    if (receives && bernoulli(0.85)) social.push([p.id, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, pick(["§ 85", "§ 85", "§ 52"]), danishNumber(Math.round(level * uniform(0.7, 1.3) * 100) / 100, 2)]);
  }
  // Convictions: 0.27 a year in both arms, over-dispersed; some prison releases.
  const rate = 0.27 * (bernoulli(0.3) ? 2.5 : 0.357);
  const count = poisson(random, rate * followYears);
  for (let i = 0; i < count; i += 1) convictions.push([p.id, isoDate(p.start + randomInteger(random, Math.floor(followYears * 365)))]);
  if (bernoulli(0.08) && followYears > 0.5) {
    const release = p.start + randomInteger(random, Math.floor((followYears - 0.25) * 365));
    releases.push([p.id, isoDate(release)]);
    if (bernoulli(0.45)) {
      const again = release + 1 + randomInteger(random, 720);
      if (again <= lastDay) convictions.push([p.id, isoDate(again)]);
    }
  }
}

// 3. Write each extract in its own dialect.
mkdirSync(OUT, { recursive: true });
const csv = (rows: readonly (readonly string[])[], delimiter: string, crlf = false) => rows.map((r) => r.join(delimiter)).join(crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n");
const write = (name: string, text: string, encoding: "utf-8" | "utf-8-bom" | "windows-1252") => {
  if (encoding === "windows-1252" && /[^\x00-\x7f\xa0-\xff]/.test(text)) throw new Error(`${name}: text outside Windows-1252's Latin-1 range`);
  const bytes = encoding === "windows-1252" ? Buffer.from(text, "latin1") : Buffer.from((encoding === "utf-8-bom" ? "\ufeff" : "") + text, "utf8");
  writeFileSync(join(OUT, name), bytes);
};
const ddmmyyyy = (day: DayNumber) => isoDate(day).split("-").reverse().join("-");
const byId = <T extends readonly string[]>(rows: T[]) => rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));

write(
  "population.csv",
  csv(
    [
      ["PersonNøgle", "Fødselsdato", "Køn", "Henvisningsdato", "Startdato", "Målgruppe", "Ophørsdato", "Ophørsårsag"],
      ...persons.map((p) => [p.id, ddmmyyyy(p.birth), p.sex, ddmmyyyy(p.referral), ddmmyyyy(p.start), p.group, p.exit ? ddmmyyyy(p.exit.date) : "", p.exit?.reason ?? ""]),
    ],
    ";",
    true,
  ),
  "windows-1252",
);
write("allocation.csv", csv([["person_id", "batch", "arm", "randomised"], ...persons.map((p) => [p.id, p.batch, p.arm, p.time])], ","), "utf-8");
write(
  "participation.csv",
  csv([["PersonNøgle", "Forløbsstart"], ...persons.filter((p) => (p.arm === "treatment" ? bernoulli(0.93) : bernoulli(0.03))).map((p) => [p.id, ddmmyyyy(p.start + 7)])], ";"),
  "utf-8",
);

const allWeeks = weeksOf(DATA_START, DATA_END + 1);
const yyww = (monday: DayNumber) => {
  // ISO year of a week is the year of its Thursday.
  const thursday = partsFromDay(monday + 3);
  const jan4 = dayFromParts(thursday.year, 1, 4)!;
  const week = Math.floor((monday - mondayOfWeek(jan4)) / 7) + 1;
  return { year: thursday.year, week, text: `${String(thursday.year % 100).padStart(2, "0")}${String(week).padStart(2, "0")}` };
};
write(
  "benefits_wide.csv",
  csv([["PNR", ...allWeeks.map((w) => `y_${yyww(w).text}`)], ...persons.map((p) => [p.id, ...allWeeks.map((w) => benefitWeeks.get(p.id)!.get(w) ?? "")])], ","),
  "utf-8-bom",
);
const longRows: string[][] = [];
for (const p of persons) for (const [w, code] of [...benefitWeeks.get(p.id)!].sort((a, b) => a[0] - b[0])) {
  const { year, week } = yyww(w);
  longRows.push([p.id, `${year}-W${String(week).padStart(2, "0")}`, code]);
}
write("benefits_long.csv", csv([["PersonNøgle", "Uge", "Ydelseskode"], ...longRows], ";", true), "utf-8");
write("education.csv", csv([["PNR", "AUDD", "ELEV3_VFRA", "ELEV3_VTIL"], ...byId(education)], ","), "utf-8");
write("paid_hours.csv", csv([["PNR", "MAANED", "TIMER", "LOENKR"], ...hours], ";"), "utf-8");
write("psychiatry.csv", csv([["PNR", "KONTAKTTYPE", "D_INDDTO", "D_UDDTO"], ...byId(psychiatry)], ";", true), "windows-1252");
write("social_services.csv", csv([["PersonNøgle", "Måned", "Paragraf", "Beløb"], ...social], ";"), "utf-8-bom");
write("convictions.csv", csv([["PNR", "AFGOERELSESDATO"], ...byId(convictions)], ","), "utf-8");
write("releases.csv", csv([["PNR", "LOESLADELSESDATO"], ...byId(releases)], ","), "utf-8");

const treated = persons.filter((p) => p.arm === "treatment").length;
console.error(`fixtures: ${persons.length} persons (${treated} treatment, ${persons.length - treated} control) → ${OUT}/`);

// 4. Synthetic outcome tables for the two rate-card contracts (fixtures/contracts/), on a stream of their own.
// Each row is dated (observed_on): a year's values are known at that year's end, 31 December.
{
  const r = seededRandom(SEED + 1);
  const yes = (p: number) => (r.next() < p ? "1" : "0");
  const dir = join("fixtures", "contracts");
  mkdirSync(dir, { recursive: true });
  // Hjem, Job og Helhed: 15 young people a year in 2021–2023, each followed up 6 months after start.
  const hjh: string[][] = [["person_id", "period", "observed_on", "stable_housing", "employment_25", "su_education", "action_plan_progress"]];
  for (let year = 2021; year <= 2023; year += 1) {
    for (let i = 1; i <= 15; i += 1) {
      const housed = yes(0.7);
      hjh.push([`HJH${year}-${String(i).padStart(2, "0")}`, String(year + 1), `${year + 1}-12-31`, housed, yes(housed === "1" ? 0.4 : 0.15), yes(0.15), yes(0.6)]);
    }
  }
  writeFileSync(join(dir, "hjem-job-helhed-outcomes.csv"), csv(hjh, ","));
  // Lær for Livet: 20 children a year in 2022–2025, aged 10–13 at start; camp and mentor participation
  // each of the first six years, the 9th-grade exam (FSA) at 16, upper secondary enrolment at 16 and completion at 19.
  const lfl: string[][] = [["person_id", "period", "observed_on", "camp_mentor", "fsa_passed", "upper_secondary_enrolled", "upper_secondary_completed"]];
  for (let cohort = 2022; cohort <= 2025; cohort += 1) {
    for (let i = 1; i <= 20; i += 1) {
      const id = `LFL${cohort}-${String(i).padStart(2, "0")}`;
      const age = 10 + randomInteger(r, 4);
      let active = true;
      let passed = false;
      let enrolled = false;
      for (let year = cohort + 1; year <= 2034; year += 1) {
        const ageNow = age + (year - cohort);
        if (active && r.next() < 0.08) active = false;
        const camp = active && year - cohort <= 6 ? yes(0.85) : "0";
        const fsa = ageNow === 16 ? yes(0.6) : "0";
        if (fsa === "1") passed = true;
        const enrol = ageNow === 16 && passed ? yes(0.8) : "0";
        if (enrol === "1") enrolled = true;
        const complete = ageNow === 19 && enrolled ? yes(0.6) : "0";
        lfl.push([id, String(year), `${year}-12-31`, camp, fsa, enrol, complete]);
      }
    }
  }
  writeFileSync(join(dir, "laer-for-livet-outcomes.csv"), csv(lfl, ","));
  console.error(`fixtures: contract outcome tables → ${dir}/`);
}

// 5. The Aarhus release pilot (fixtures/release/): about 100 persons released from prison in
// 2025–2026, randomised 1:1; windows from each person's release date. Its own seeded stream.
{
  const r = seededRandom(SEED + 2);
  const yes = (p: number) => r.next() < p;
  const dir = join("fixtures", "release");
  mkdirSync(dir, { recursive: true });
  const first = dayFromParts(2025, 1, 6)!;
  const asOf = dayFromParts(2026, 9, 30)!;
  const people: { id: string; release: DayNumber; birth: DayNumber; sex: string; arm: Arm; referral: DayNumber }[] = [];
  for (let i = 0; i < 100; i += 1) {
    const release = first + Math.floor((i * 540) / 100) + randomInteger(r, 5);
    people.push({ id: `LR${String(i + 1).padStart(4, "0")}`, release, birth: release - Math.round((20 + randomInteger(r, 35)) * 365.25), sex: yes(0.12) ? "K" : "M", arm: "control", referral: release - 20 - randomInteger(r, 20) });
  }
  const rosterOf = people.map((p) => ({ p, batch: batchOf("quarter", isoDate(p.referral)), block: blockOf([{ covariate: "female" }], () => String(Number(p.sex === "K"))) }));
  for (const batch of [...new Set(rosterOf.map((x) => x.batch))].sort()) {
    const members = rosterOf.filter((x) => x.batch === batch);
    const arms = randomiseBatch(members.map((m) => ({ personId: m.p.id, block: m.block })), ARMS, SEED + 2, batch);
    for (const m of members) m.p.arm = arms.get(m.p.id) as Arm;
  }
  const population: string[][] = [["PersonNøgle", "Fødselsdato", "Køn", "Henvisningsdato", "Løsladelsesdato"]];
  const weeks: string[][] = [["PersonNøgle", "Uge", "Ydelseskode"]];
  const contacts: string[][] = [["PersonNøgle", "Kontaktdato"]];
  const checklist: string[][] = [["PersonNøgle", "Punkt", "Udført"]];
  const hours: string[][] = [["PersonNøgle", "Måned", "Timer"]];
  const convictions: string[][] = [["PersonNøgle", "Afgørelsesdato"]];
  const releases: string[][] = [["PersonNøgle", "Løsladelsesdato"]];
  const yyww = (monday: DayNumber) => {
    const thursday = partsFromDay(monday + 3);
    const week = Math.floor((monday - mondayOfWeek(dayFromParts(thursday.year, 1, 4)!)) / 7) + 1;
    return `${thursday.year}-W${String(week).padStart(2, "0")}`;
  };
  const firstContacts = new Map<string, DayNumber>();
  for (const p of people) {
    const treated = p.arm === "treatment";
    population.push([p.id, isoDate(p.birth), p.sex, isoDate(p.referral), isoDate(p.release)]);
    releases.push([p.id, isoDate(p.release)]);
    const firstContact = p.release + (treated ? 1 + randomInteger(r, 7) : 5 + randomInteger(r, 15));
    if (firstContact <= asOf) contacts.push([p.id, isoDate(firstContact)]);
    firstContacts.set(p.id, firstContact);
    for (const item of ["housing", "mitid", "debt_plan", "appointments", "substance_screening", "employer_contact", "offer_accepted", "positive_contact"]) {
      const done = item === "positive_contact" ? yes(treated ? 0.6 : 0.35) : yes(treated ? 0.75 : 0.3);
      const day = p.release + (done ? randomInteger(r, 14) : 15 + randomInteger(r, 60));
      if (day <= asOf && (done || yes(0.5))) checklist.push([p.id, item, isoDate(day)]);
    }
    const activeFrom = p.release + 7 * (treated ? 2 + randomInteger(r, 8) : 4 + randomInteger(r, 20));
    const active = yes(treated ? 0.65 : 0.45);
    const job = active && yes(0.5);
    for (let monday = mondayOfWeek(p.release) + 7; monday <= asOf; monday += 7) {
      if (active && monday >= activeFrom) {
        if (!job) weeks.push([p.id, yyww(monday), "170"]);
      } else if (yes(0.95)) weeks.push([p.id, yyww(monday), "130"]);
    }
    if (job) for (let m = monthIndex(activeFrom); m <= monthIndex(asOf); m += 1) hours.push([p.id, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, String(60 + randomInteger(r, 100))]);
    if (yes(treated ? 0.3 : 0.42)) {
      const again = p.release + 30 + randomInteger(r, 700);
      if (again <= asOf) convictions.push([p.id, isoDate(again)]);
    }
  }
  // Prior convictions (0–4 in the five years before release) and the admission date (30–900 days served)
  // from a stream of their own, so the rest of the fixture is unchanged.
  const priorStream = seededRandom(SEED + 5);
  releases[0]!.push("Indsættelsesdato");
  for (const [i, p] of people.entries()) {
    releases[i + 1]!.push(isoDate(p.release - 30 - randomInteger(priorStream, 870)));
    const u = priorStream.next();
    const priors = [0.35, 0.6, 0.8, 0.93].filter((cut) => u >= cut).length;
    for (let k = 0; k < priors; k += 1) convictions.push([p.id, isoDate(p.release - 30 - randomInteger(priorStream, 5 * 365 - 60))]);
  }
  // Later job-centre contacts (004's "still in positive contact after 3 months"): a meeting every 2–5 weeks
  // after the first, for 0–5 months in the control arm and 1–12 in the programme's, from a stream of their
  // own so the rest of the fixture is unchanged.
  const contactStream = seededRandom(SEED + 6);
  for (const p of people) {
    const first = firstContacts.get(p.id)!;
    const until = first + 30 * (p.arm === "treatment" ? 1 + randomInteger(contactStream, 12) : randomInteger(contactStream, 6));
    for (let day = first + 14 + randomInteger(contactStream, 21); day <= Math.min(until, asOf); day += 14 + randomInteger(contactStream, 21)) contacts.push([p.id, isoDate(day)]);
  }
  writeFileSync(join(dir, "population.csv"), Buffer.from(csv(population, ";", true), "latin1"));
  for (const [name, rows] of [["benefits.csv", weeks], ["contacts.csv", contacts], ["checklist.csv", checklist], ["paid_hours.csv", hours], ["convictions.csv", convictions], ["releases.csv", releases]] as const) {
    writeFileSync(join(dir, name), csv(rows, ";"));
  }
  writeFileSync(join(dir, "education.csv"), "PersonNøgle;Start;Slut\n");
  // Who took part: programme-arm persons who accepted the offer (for the matched-comparison variant).
  const accepted = new Set(checklist.filter((c) => c[1] === "offer_accepted").map((c) => c[0]));
  const participation = [["PersonNøgle", "Forløbsstart"], ...people.filter((p) => p.arm === "treatment" && accepted.has(p.id)).map((p) => [p.id, isoDate(p.release + 3)])];
  writeFileSync(join(dir, "participation.csv"), csv(participation, ";"));
  console.error(`fixtures: release pilot, ${people.length} persons → ${dir}/`);
}

// 6. Regenerated persons need a fresh allocation: the committed logs are removed, and the next
// `npm start` / `npm run release` writes new ones beside the specs (commit them with the fixtures).
for (const log of ["fixtures/ungifokus/ungifokus.allocation-log.csv", "fixtures/release/release.allocation-log.csv"]) rmSync(log, { force: true });
