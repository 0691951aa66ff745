import { describe, expect, it } from "vitest";
import { levelsShown } from "../../src/report/levelsShown.ts";

/** A balance row: `held` persons at the level, over arm and control of 10 each. */
const row = (covariate: string, level: string | null, armHeld: number, controlHeld: number, type = "categorical") => ({
  covariate, level, type, arms: [{ arm: "t", n: 10, mean: armHeld / 10, sd: null }, { arm: "c", n: 10, mean: controlHeld / 10, sd: null }],
});
const runWith = (rows: unknown[], subgroups: unknown[] = []) => ({ assignment: { balance: { rows } }, effects: { subgroups } }) as never;
const standIn = (letters: string) => `value ${letters}`;

describe("levelsShown(run, minCell, standIn)", () => {
  it("levelsShown(…) prints a level held by at least minCell persons, letters the rarer ones A, B within their covariate", () => {
    const name = levelsShown(runWith([row("group", "common", 5, 5), row("group", "Jens", 1, 0), row("group", "Anna", 0, 2), row("other", "Solo", 1, 1)]), 5, standIn);
    expect(name("group", "common")).toBe("common");
    // Sorted by key: Anna before Jens.
    expect(name("group", "Anna")).toBe("value A");
    expect(name("group", "Jens")).toBe("value B");
    expect(name("other", "Solo")).toBe("value A");
  });
  it("levelsShown(…) always prints the tool's own words: a band and the missing level", () => {
    const name = levelsShown(runWith([row("age", "[23;∞)", 1, 1), row("age", "(missing)", 1, 0)]), 5, standIn);
    expect(name("age", "[23;∞)")).toBe("[23;∞)");
    expect(name("age", "(missing)")).toBe("(missing)");
  });
  it("levelsShown(…) judges a level the balance table lacks by its fewest subgroup persons", () => {
    const name = levelsShown(runWith([], [{ subgroup: "region", level: "north", n_treated: 2, n_control: 1 }, { subgroup: "region", level: "south", n_treated: 9, n_control: 9 }]), 5, standIn);
    expect(name("region", "north")).toBe("value A");
    expect(name("region", "south")).toBe("south");
  });
  it("levelsShown(27 rare values) names the 27th AA, never with a digit", () => {
    const rows = Array.from({ length: 27 }, (_, i) => row("name", `N${String(i).padStart(2, "0")}`, 1, 0));
    const name = levelsShown(runWith(rows), 5, standIn);
    expect(name("name", "N25")).toBe("value Z");
    expect(name("name", "N26")).toBe("value AA");
  });
  it("levelsShown(no assignment, no effects) prints every level as it is", () => {
    expect(levelsShown({ assignment: null, effects: null } as never, 5, standIn)("x", "y")).toBe("y");
  });
});
