import { describe, expect, it } from "vitest";
import { pushTo } from "../../src/shared/collections.ts";

describe("pushTo(map, key, value)", () => {
  it("pushTo creates the list on the first value and appends to the same list after", () => {
    const map = new Map<string, number[]>();
    pushTo(map, "a", 1);
    const first = map.get("a");
    pushTo(map, "a", 2);
    pushTo(map, "b", 3);
    expect(map).toEqual(new Map([["a", [1, 2]], ["b", [3]]]));
    expect(map.get("a")).toBe(first);
  });
});
