/** FileHash: a role, a path and a SHA-256 as 64 lower-case hex digits. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FileHash } from "../../src/shared/fileHash.ts";

describe("FileHash", () => {
  it("takes the SHA-256 of 'abc' (FIPS 180-2's example: ba7816bf…15ad) as Node writes it", () => {
    const sha256 = createHash("sha256").update("abc").digest("hex");
    expect(sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(FileHash.parse({ role: "spec", path: "../spec.json", sha256 })).toEqual({ role: "spec", path: "../spec.json", sha256 });
  });

  it("refuses upper-case hex, a short hash and a missing role", () => {
    const sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(FileHash.safeParse({ role: "spec", path: "p", sha256: sha256.toUpperCase() }).success).toBe(false);
    expect(FileHash.safeParse({ role: "spec", path: "p", sha256: sha256.slice(2) }).success).toBe(false);
    expect(FileHash.safeParse({ path: "p", sha256 }).success).toBe(false);
  });
});
