/**
 * A detached Ed25519 signature over manifest.json's exact bytes. The manifest holds the
 * SHA-256 of every input and output, so one signature covers the whole run: change any
 * file and rewrite its hash in the manifest, and the signature no longer verifies.
 *
 *   signature = Ed25519(private key, bytes of manifest.json)          (RFC 8032, node:crypto)
 *   publicKeySha256 = SHA-256 of the public key in DER (SPKI), to name the key that signed
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";

export const ManifestSignature = z.object({
  artefact: z.literal("manifestSignature"),
  schema_version: z.literal(1),
  algorithm: z.literal("Ed25519"),
  signs: z.string().describe("The file whose exact bytes are signed: the manifest"),
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  publicKeySha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the signing key's public half (DER, SPKI)"),
  signature: z.string().describe("base64"),
});
export type ManifestSignature = z.infer<typeof ManifestSignature>;

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

export function publicKeyFingerprint(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return sha256(publicKey.export({ type: "spki", format: "der" }));
}

/** Signs the manifest's bytes with an Ed25519 private key. */
export function signManifest(manifestBytes: Buffer, privateKey: KeyObject, manifestFile: string): ManifestSignature {
  if (privateKey.asymmetricKeyType !== "ed25519" || privateKey.type !== "private") throw new Error("signManifest requires an Ed25519 private key");
  return {
    artefact: "manifestSignature",
    schema_version: 1,
    algorithm: "Ed25519",
    signs: manifestFile,
    manifestSha256: sha256(manifestBytes),
    publicKeySha256: publicKeyFingerprint(privateKey),
    signature: sign(null, manifestBytes, privateKey).toString("base64"),
  };
}

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: "other_key" | "manifest_changed" | "signature_invalid" };

/** Checks a detached signature against the manifest's bytes and the public key the verifier holds. */
export function checkSignature(manifestBytes: Buffer, signature: ManifestSignature, publicKey: KeyObject): SignatureCheck {
  if (publicKeyFingerprint(publicKey) !== signature.publicKeySha256) return { ok: false, reason: "other_key" };
  const valid = verify(null, manifestBytes, publicKey, Buffer.from(signature.signature, "base64"));
  if (!valid) return { ok: false, reason: sha256(manifestBytes) !== signature.manifestSha256 ? "manifest_changed" : "signature_invalid" };
  return { ok: true };
}
