import { describe, expect, it } from "vitest";
import { z } from "zod";
import { schemaPlace } from "../../src/shared/schemaPlace.ts";

const Table = z.strictObject({ rows: z.array(z.strictObject({ difference: z.number(), n: z.number() })) });
const errorOf = (value: unknown) => {
  const result = Table.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  return result.error;
};

describe("schemaPlace(error)", () => {
  it("schemaPlace names the first failing path joined by dots, and how many more fail", () => {
    expect(schemaPlace(errorOf({ rows: [{ difference: "1.5", n: 3 }] }))).toBe("rows.0.difference");
    expect(schemaPlace(errorOf({ rows: [{ difference: "a", n: "b" }, { difference: 1, n: "c" }] }))).toBe("rows.0.difference, and 2 more");
  });

  it("schemaPlace says 'the top' when the value itself fails, never the value", () => {
    const place = schemaPlace(errorOf("0101901234"));
    expect(place).toBe("the top");
  });
});
