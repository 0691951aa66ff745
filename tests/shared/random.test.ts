import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomInteger, seededRandom, shuffle } from "../../src/shared/random.ts";

describe("seededRandom", () => {
  it("seededRandom(20211001) matches the reference C implementation (fixtures/reference/xoshiro128starstar.c)", () => {
    const expected = readFileSync("fixtures/reference/xoshiro128starstar.txt", "utf8").trim().split("\n").map(Number);
    const random = seededRandom(20211001);
    expect(expected.map(() => random.next() * 4294967296)).toEqual(expected);
  });

  it("shuffle(random, items) is frozen for a given seed", () => {
    expect(shuffle(seededRandom(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual(shuffle(seededRandom(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(shuffle(seededRandom(1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).not.toEqual(shuffle(seededRandom(2), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it("randomInteger(random, n) stays in [0, n) and covers it", () => {
    const random = seededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i += 1) seen.add(randomInteger(random, 6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("seededRandom rejects a seed that is not a non-negative integer", () => {
    expect(() => seededRandom(-1)).toThrow("seededRandom requires a non-negative integer seed");
    expect(() => seededRandom(1.5)).toThrow();
  });
});
