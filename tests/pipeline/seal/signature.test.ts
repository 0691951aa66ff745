/** The detached Ed25519 signature over manifest.json's bytes, against RFC 8032's test vectors (section 7.1, TEST 1 and TEST 2). */
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignature, publicKeyFingerprint, signManifest } from "../../../pipeline/seal/signature.ts";

// A raw 32-byte Ed25519 key in PKCS#8 and SPKI DER: the fixed ASN.1 prefixes of RFC 8410.
const privateKey = (seedHex: string) => createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), Buffer.from(seedHex, "hex")]), format: "der", type: "pkcs8" });
const spki = (publicHex: string) => Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(publicHex, "hex")]);

const TEST_1 = {
  secret: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
  public: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
  message: "",
  signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
};
const TEST_2 = {
  secret: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
  public: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
  message: "72",
  signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
};

describe("signManifest(bytes, key, file)", () => {
  it.each([TEST_1, TEST_2])("signs as RFC 8032 gives ($message)", (vector) => {
    const bytes = Buffer.from(vector.message, "hex");
    const signed = signManifest(bytes, privateKey(vector.secret), "manifest.json");
    expect(Buffer.from(signed.signature, "base64").toString("hex")).toBe(vector.signature);
    expect(signed.manifestSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(signed.publicKeySha256).toBe(createHash("sha256").update(spki(vector.public)).digest("hex"));
    expect(signed).toMatchObject({ artefact: "manifestSignature", algorithm: "Ed25519", signs: "manifest.json" });
  });

  it("refuses a key that is not an Ed25519 private key", () => {
    const publicOnly = createPublicKey({ key: spki(TEST_1.public), format: "der", type: "spki" });
    expect(() => signManifest(Buffer.alloc(0), publicOnly, "manifest.json")).toThrow("signManifest requires an Ed25519 private key");
  });
});

describe("publicKeyFingerprint(key)", () => {
  it("is the SHA-256 of the public key's SPKI DER, from either half", () => {
    const expected = createHash("sha256").update(spki(TEST_2.public)).digest("hex");
    expect(publicKeyFingerprint(privateKey(TEST_2.secret))).toBe(expected);
    expect(publicKeyFingerprint(createPublicKey({ key: spki(TEST_2.public), format: "der", type: "spki" }))).toBe(expected);
  });
});

describe("checkSignature(bytes, signature, publicKey)", () => {
  const bytes = Buffer.from('{"artefact":"manifest"}\n');
  const signed = signManifest(bytes, privateKey(TEST_1.secret), "manifest.json");
  const publicKey = createPublicKey({ key: spki(TEST_1.public), format: "der", type: "spki" });

  it("holds for the signed bytes and the signer's public key", () => {
    expect(checkSignature(bytes, signed, publicKey)).toEqual({ ok: true });
  });

  it("names why it fails: other key, manifest changed, signature altered", () => {
    const other = createPublicKey({ key: spki(TEST_2.public), format: "der", type: "spki" });
    expect(checkSignature(bytes, signed, other)).toEqual({ ok: false, reason: "other_key" });
    expect(checkSignature(Buffer.from('{"artefact":"manifesT"}\n'), signed, publicKey)).toEqual({ ok: false, reason: "manifest_changed" });
    const altered = Buffer.from(signed.signature, "base64");
    altered[0] = altered[0]! ^ 1;
    expect(checkSignature(bytes, { ...signed, signature: altered.toString("base64") }, publicKey)).toEqual({ ok: false, reason: "signature_invalid" });
  });
});
