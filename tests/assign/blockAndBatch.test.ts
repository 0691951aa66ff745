import { describe, expect, it } from "vitest";
import { batchOf, blockOf, blockPart } from "../../src/assign/blockAndBatch.ts";

describe("blockPart(variable, value)", () => {
  it("blockPart({ covariate: female }, \"1\") is the value itself", () => {
    expect(blockPart({ covariate: "female" }, "1")).toBe("female=1");
  });
  it("blockPart(age, breaks [23, 18]) bands a value, closed on the left, breaks sorted first", () => {
    const age = { covariate: "age", breaks: [23, 18] };
    expect(blockPart(age, "17")).toBe("age=[-∞;18)");
    expect(blockPart(age, "18")).toBe("age=[18;23)");
    expect(blockPart(age, "22.9")).toBe("age=[18;23)");
    expect(blockPart(age, "23")).toBe("age=[23;∞)");
  });
  it("blockPart(variable, \"\") is the missing level, with or without breaks", () => {
    expect(blockPart({ covariate: "age", breaks: [23] }, "")).toBe("age=(missing)");
    expect(blockPart({ covariate: "female" }, "")).toBe("female=(missing)");
  });
});

describe("blockOf(variables, valueOf) and batchOf(period, date)", () => {
  it("blockOf([female, age ≥ 23], …) joins the parts with ×; blockOf([]) is all", () => {
    const values: Record<string, string> = { female: "1", age: "30" };
    expect(blockOf([{ covariate: "female" }, { covariate: "age", breaks: [23] }], (id) => values[id]!)).toBe("female=1 × age=[23;∞)");
    expect(blockOf([], () => "x")).toBe("all");
  });
  it("batchOf(period, 2021-10-05) is all, 2021, 2021-10 or 2021Q4", () => {
    expect(batchOf("none", "2021-10-05")).toBe("all");
    expect(batchOf("year", "2021-10-05")).toBe("2021");
    expect(batchOf("month", "2021-10-05")).toBe("2021-10");
    expect(batchOf("quarter", "2021-10-05")).toBe("2021Q4");
  });
  it("batchOf(quarter, …) puts March in Q1 and April in Q2", () => {
    expect(batchOf("quarter", "2021-03-31")).toBe("2021Q1");
    expect(batchOf("quarter", "2021-04-01")).toBe("2021Q2");
  });
});
