/**
 * BenefitPanel: countWeeksIn against groupAt week by week (the definition it shortcuts), and a panel
 * rebuilt from shared memory (another thread's view) reading and writing the same cells.
 */
import { describe, expect, it } from "vitest";
import { BenefitPanel } from "../../src/ingest/benefitPanel.ts";
import { dayFromParts, mondayOfWeek } from "../../src/shared/dates.ts";
import { randomInteger, seededRandom } from "../../src/shared/random.ts";

const persons = ["A", "B", "C"];
const groups = ["flex_job", "public_support", "su"];
const from = dayFromParts(2022, 1, 3)!;
const to = dayFromParts(2022, 12, 26)!;

function filled(shared: false | "new"): BenefitPanel {
  const panel = new BenefitPanel(persons, from, to, groups, shared);
  const random = seededRandom(5);
  for (const person of persons) {
    for (let week = 0; week < 52; week += 1) {
      if (random.next() < 0.3) continue;
      const group = groups[randomInteger(random, groups.length)]!;
      panel.set(person, from + 7 * week, group, 2 + week, group);
    }
  }
  return panel;
}

describe("BenefitPanel", () => {
  it("countWeeksIn counts what groupAt gives week by week, outside the panel and for unknown persons as the absent group", () => {
    const panel = filled(false);
    const random = seededRandom(9);
    for (let trial = 0; trial < 300; trial += 1) {
      const person = ["A", "B", "C", "Z"][randomInteger(random, 4)]!;
      const start = from - 60 + randomInteger(random, 500);
      const end = start + randomInteger(random, 200);
      const wanted = groups.filter(() => random.next() < 0.5).concat(random.next() < 0.5 ? ["self_supporting"] : []);
      let expected = 0;
      let monday = mondayOfWeek(start);
      if (monday < start) monday += 7;
      for (; monday < end; monday += 7) if (wanted.includes(panel.groupAt(person, monday) ?? "self_supporting")) expected += 1;
      expect(panel.countWeeksIn(person, wanted, "self_supporting", start, end)).toBe(expected);
    }
  });

  it("a panel rebuilt from shared memory reads the same cells and its writes are seen by the original", () => {
    const original = filled("new");
    const copy = BenefitPanel.fromShared(original.toShared());
    for (const person of persons) for (let week = 0; week < 52; week += 1) expect(copy.groupAt(person, from + 7 * week)).toBe(original.groupAt(person, from + 7 * week));
    // A week written by neither yet: the copy writes it, the original sees it and names the copy's line on a repeat.
    const free = Array.from({ length: 52 }, (_, w) => from + 7 * w).find((monday) => original.groupAt("A", monday) === null)!;
    expect(copy.set("A", free, "su", 99, "su")).toEqual({ status: "stored" });
    expect(original.groupAt("A", free)).toBe("su");
    expect(original.set("A", free, "su", 100, "su")).toEqual({ status: "duplicate", firstLine: 99, sameCode: true });
  });
});
