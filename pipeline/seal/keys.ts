/** Keys and signatures on disk: `effekt keygen`, the key of `--sign` (read before the run; the seal node signs), and the signature check of `verify-run`. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { artefactPath } from "../../src/catalogue.ts";
import { messages } from "../../src/messages.ts";
import { checkSignature, ManifestSignature, publicKeyFingerprint } from "./signature.ts";
import { issue, stopRun } from "../../src/shared/issues.ts";
import { exists, shown } from "../io/paths.ts";

export const PRIVATE_KEY = "private.pem";
export const PUBLIC_KEY = "public.pem";

export type SignatureState =
  | { readonly state: "unsigned" }
  | { readonly state: "not_checked"; readonly publicKeySha256: string }
  | { readonly state: "valid"; readonly publicKeySha256: string }
  | { readonly state: "invalid"; readonly reason: string };

/** `effekt keygen`: a new Ed25519 key pair as PEM (PKCS#8 private, readable by its owner only; SPKI public). Never overwrites a key. */
export async function generateKeys(dir: string): Promise<{ privatePath: string; publicPath: string; publicKeySha256: string }> {
  const root = resolve(dir);
  const privatePath = join(root, PRIVATE_KEY);
  const publicPath = join(root, PUBLIC_KEY);
  for (const path of [privatePath, publicPath]) if (await exists(path)) stopRun(issue("key_exists", messages.keyExists(), { file: shown(path), path: [] }));
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  await mkdir(root, { recursive: true });
  await writeFile(privatePath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  await writeFile(publicPath, publicKey.export({ type: "spki", format: "pem" }), { flag: "wx" });
  return { privatePath, publicPath, publicKeySha256: publicKeyFingerprint(publicKey) };
}

async function readKey(path: string, kind: "private" | "public"): Promise<KeyObject> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    stopRun(issue("key_unreadable", messages.keyUnreadable(kind), { file: shown(file), path: [] }));
  }
  let key: KeyObject | null = null;
  try {
    key = kind === "private" ? createPrivateKey(text) : createPublicKey(text);
  } catch {
    key = null;
  }
  if (key === null || key.asymmetricKeyType !== "ed25519" || key.type !== kind) stopRun(issue("key_invalid", messages.keyInvalid(kind), { file: shown(file), path: [] }));
  return key;
}

/** Read before a run starts, so that a wrong key stops it before any work. */
export const readPrivateKey = (path: string) => readKey(path, "private");

/** The run's signature state: unsigned, signed but not checked (no public key given), valid or invalid (with why). */
export async function checkRunSignature(root: string, publicKeyPath: string | undefined): Promise<SignatureState> {
  const signaturePath = join(root, artefactPath("manifestSignature"));
  if (!(await exists(signaturePath))) return { state: "unsigned" };
  let signature: ManifestSignature;
  try {
    signature = ManifestSignature.parse(JSON.parse(await readFile(signaturePath, "utf8")));
  } catch {
    return { state: "invalid", reason: messages.signatureUnreadable() };
  }
  if (publicKeyPath === undefined) return { state: "not_checked", publicKeySha256: signature.publicKeySha256 };
  const publicKey = await readKey(publicKeyPath, "public");
  const result = checkSignature(await readFile(join(root, artefactPath("manifest"))), signature, publicKey);
  return result.ok ? { state: "valid", publicKeySha256: signature.publicKeySha256 } : { state: "invalid", reason: messages.signatureFails(result.reason) };
}
