import { describe, expect, it } from "vitest";
import { flattenRows } from "../../src/shared/flattenRows.ts";

async function* source(): AsyncGenerator<number | number[]> {
  yield 1;
  yield [2, 3];
  yield [];
  yield 4;
}

describe("flattenRows(rows)", () => {
  it("flattenRows yields single rows and the rows of each batch in order, an empty batch as nothing", async () => {
    const out: number[] = [];
    for await (const row of flattenRows(source())) out.push(row);
    expect(out).toEqual([1, 2, 3, 4]);
  });
});
