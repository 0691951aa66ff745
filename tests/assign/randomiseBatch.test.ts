import { describe, expect, it } from "vitest";
import { batchSeed, randomiseBatch } from "../../src/assign/randomiseBatch.ts";
import { seededRandom, shuffle } from "../../src/shared/random.ts";

const oneToOne = [{ name: "control", ratio: 1 }, { name: "treatment", ratio: 1 }];
const roster = (n: number, blockOf: (i: number) => string = () => "all") =>
  Array.from({ length: n }, (_, i) => ({ personId: `P${String(i + 1).padStart(4, "0")}`, block: blockOf(i) }));
const counts = (allocation: Map<string, string>, filter: (id: string) => boolean = () => true) => {
  const out: Record<string, number> = {};
  for (const [id, arm] of allocation) if (filter(id)) out[arm] = (out[arm] ?? 0) + 1;
  return out;
};

describe("randomiseBatch", () => {
  it("randomiseBatch(roster, 1:1, 20211001, 2022Q1) is frozen: the same seed and roster give this allocation in every version", () => {
    const persons = roster(11, (i) => (i < 5 ? "a" : "b")).map((p, i) => ({ ...p, personId: `P${String(i + 1).padStart(2, "0")}` }));
    expect(Object.fromEntries(randomiseBatch(persons, oneToOne, 20211001, "2022Q1"))).toEqual({
      P01: "control", P02: "treatment", P03: "treatment", P04: "treatment", P05: "control",
      P06: "treatment", P07: "treatment", P08: "control", P09: "treatment", P10: "control", P11: "control",
    });
    const threeArms = [{ name: "control", ratio: 1 }, { name: "a", ratio: 2 }, { name: "b", ratio: 1 }];
    expect(Object.fromEntries(randomiseBatch(persons, threeArms, 7, "2022Q2"))).toEqual({
      P01: "b", P02: "a", P03: "a", P04: "a", P05: "control", P06: "b", P07: "a", P08: "control", P09: "a", P10: "b", P11: "a",
    });
  });

  it("batchSeed(seed, batch) is the first four bytes of SHA-256(\"seed:batch\")", () => {
    // printf "20211001:2022Q1" | sha256sum → e18b546f…
    expect(batchSeed(20211001, "2022Q1").toString(16).padStart(8, "0")).toBe("e18b546f");
  });

  it("does not depend on the order the roster is given in", () => {
    const persons = roster(40, (i) => ["x", "y", "z"][i % 3]!);
    const shuffled = shuffle(seededRandom(99), persons);
    expect(randomiseBatch(shuffled, oneToOne, 5, "b")).toEqual(randomiseBatch(persons, oneToOne, 5, "b"));
  });

  it("complete randomisation hits its exact count: 478 persons 1:1 → 239 + 239; 30 persons 2:1 → 20 + 10", () => {
    expect(counts(randomiseBatch(roster(478), oneToOne, 1, "q"))).toEqual({ control: 239, treatment: 239 });
    expect(counts(randomiseBatch(roster(30), [{ name: "control", ratio: 1 }, { name: "treatment", ratio: 2 }], 1, "q"))).toEqual({ control: 10, treatment: 20 });
  });

  it("blocked randomisation keeps every block within one of its ratio and the overall count exact", () => {
    const sizes = [7, 5, 9, 3, 1, 6];
    const persons = sizes.flatMap((size, b) => roster(size).map((p) => ({ personId: `${b}-${p.personId}`, block: `block${b}` })));
    for (let seed = 0; seed < 200; seed += 1) {
      const allocation = randomiseBatch(persons, oneToOne, seed, "q");
      const treated = counts(allocation).treatment ?? 0;
      expect([15, 16]).toContain(treated); // N = 31
      sizes.forEach((size, b) => {
        const inBlock = counts(allocation, (id) => id.startsWith(`${b}-`)).treatment ?? 0;
        expect(Math.abs(inBlock - size / 2)).toBeLessThanOrEqual(0.5);
      });
    }
  });

  it("when N·p is not an integer the count is ⌈N·p⌉ with probability N·p − ⌊N·p⌋ (randomizr complete_ra)", () => {
    // N = 4, p(treatment) = 1/3: N·p = 4/3, so 2 treated with probability 1/3, else 1.
    const arms = [{ name: "control", ratio: 2 }, { name: "treatment", ratio: 1 }];
    let twoTreated = 0;
    const draws = 3000;
    for (let seed = 0; seed < draws; seed += 1) {
      const treated = counts(randomiseBatch(roster(4), arms, seed, "q")).treatment ?? 0;
      expect([1, 2]).toContain(treated);
      if (treated === 2) twoTreated += 1;
    }
    // 1000 expected; SD = √(3000·⅓·⅔) ≈ 25.8, so ±4 SD.
    expect(Math.abs(twoTreated - 1000)).toBeLessThan(104);
  });

  it("three arms 1:1:1 on 31 persons: counts 10, 10, 11 in some order", () => {
    const arms = [{ name: "control", ratio: 1 }, { name: "a", ratio: 1 }, { name: "b", ratio: 1 }];
    expect(Object.values(counts(randomiseBatch(roster(31), arms, 3, "q"))).sort()).toEqual([10, 10, 11]);
  });

  it("refuses fewer than two arms", () => {
    expect(() => randomiseBatch(roster(3), [{ name: "control", ratio: 1 }], 1, "q")).toThrow("randomiseBatch requires at least two arms");
  });
});
