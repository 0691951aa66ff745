/** Placeholders filled from the disclosed tables: a count stated in words shows what the engine left in its table. */
import { describe, expect, it } from "vitest";
import { Placeholders } from "../../../src/report/disclosure/placeholders.ts";
import type { Disclosure } from "../../../src/report/disclosure/discloseTables.ts";
import type { Table } from "../../../src/report/table.ts";

const consort = (pool: number | string): Table => ({ id: "consort", columns: [{ key: "stage", label: "stage", kind: "text", id: "stage_id" }, { key: "n", label: "n", kind: "count" }], rows: [{ stage: "Pool", stage_id: "pool", arm_id: "programme", n: pool }, { stage: "Pool", stage_id: "pool", arm_id: "comparison", n: 1234 }] });

describe("Placeholders.cellWhere(table, ids, key)", () => {
  it("shows the disclosed cell of the row with those ids: x where the engine hid 33, 1.234 in Danish, – for no such row", async () => {
    const later = new Placeholders();
    const html = `${later.cellWhere("consort", { stage_id: "pool", arm_id: "programme" }, "n")} / ${later.cellWhere("consort", { stage_id: "pool", arm_id: "comparison" }, "n")} / ${later.cellWhere("consort", { stage_id: "pool", arm_id: "other" }, "n")}`;
    const disclosure: Disclosure = { tables: [consort("x")], estimateShown: () => true };
    expect(await later.fill(html, [consort(33)], disclosure, "da")).toBe("x / 1.234 / –");
  });
});
