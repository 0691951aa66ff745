/** The seal node: manifest.json from what the runner gives it (hashes, facts), and the signature over the manifest's exact bytes. */
import { createHash, createPrivateKey, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../pipeline/loadSpec.ts";
import { SEALED, stage as seal } from "../../../pipeline/seal/index.ts";
import { ARTEFACTS } from "../../../src/catalogue.ts";
import { ABSENT, type StageContext } from "../../../src/stage.ts";
import { NOT_LOCKED } from "../../../src/spec/analysisPlan.ts";

const SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"; // RFC 8032, 7.1 TEST 1
const key = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(SEED, "hex")]), format: "der", type: "pkcs8" });
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

async function sealWith(signingKey: typeof key | null) {
  const loaded = await loadSpec({ specPath: "fixtures/ungifokus/spec.json", asOf: "2025-12-31", outDir: "/tmp/effekt-seal-test", log: () => {} });
  const context: StageContext = { spec: loaded.spec, asOf: loaded.asOf, seeds: { estimation: 7, repaymentRisk: 3 }, lang: "da", shownPath: (n) => `out/${String(ARTEFACTS[n].path)}`, runPath: (n) => String(ARTEFACTS[n].path), log: () => {} };
  const input = {
    artefacts: {},
    files: [],
    hashes: [{ role: "output", path: "ingest.json", sha256: sha("abc") }],
    facts: { inputHashes: [{ role: "spec", path: "../spec.json", sha256: sha("spec") }], versions: { effekt: "9.9.9", node: "v20.0.0" }, plan: NOT_LOCKED, now: "2026-01-02T03:04:05.000Z", signingKey },
  };
  return seal.run(input as never, context);
}

describe("the seal node", () => {
  it("hashes every artefact but its own two", () => {
    expect(SEALED).toHaveLength(Object.keys(ARTEFACTS).length - 2);
    expect(SEALED).not.toContain("manifest");
    expect(SEALED).not.toContain("manifestSignature");
  });

  it("writes the manifest from the runner's hashes and facts: the time given, as-of, seeds, inputs, outputs, population", async () => {
    const result = await sealWith(null);
    const manifest = result.outputs.manifest as Record<string, unknown>;
    expect(manifest).toMatchObject({
      artefact: "manifest",
      createdAt: "2026-01-02T03:04:05.000Z",
      evaluation: "ungifokus",
      asOf: "2025-12-31",
      versions: { effekt: "9.9.9", node: "v20.0.0" },
      seeds: { estimation: 7, repaymentRisk: 3 },
      inputs: [{ role: "spec", path: "../spec.json", sha256: "d4f02eaafd1a9e9de7d10972ca8e47fa7a985825c3c9c1e249c72683cb3e4f19" }],
      outputs: [{ role: "output", path: "ingest.json", sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" }],
      population: { extract: "population" },
    });
    expect(result.issues).toEqual([]);
    expect(result.summary).toEqual(["seal: out/manifest.json over 1 inputs and 1 outputs"]);
  });

  it("without --sign leaves the signature absent (an old one is removed), with a key signs the exact bytes written", async () => {
    expect((await sealWith(null)).outputs.manifestSignature).toBe(ABSENT);
    const signed = await sealWith(key);
    // The bytes as written: two-space JSON and a final newline, made here without the runner's formatter.
    const bytes = Buffer.from(JSON.stringify(signed.outputs.manifest, null, 2) + "\n");
    const signature = signed.outputs.manifestSignature as { manifestSha256: string; signature: string; signs: string };
    expect(signature.signs).toBe("manifest.json");
    expect(signature.manifestSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(verify(null, bytes, createPublicKey(key), Buffer.from(signature.signature, "base64"))).toBe(true);
    expect(signed.summary[1]).toMatch(/^seal: signed manifest\.json with key [0-9a-f]{16}…$/);
  });
});
