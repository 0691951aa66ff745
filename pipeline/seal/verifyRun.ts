/**
 * `effekt verify-run`: a sealed run (pipeline/seal/index.ts) checked again — every hash the manifest
 * records recomputed, the signature, an investor bundle's index, the settlement file's chain.
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { compareHashes, type Manifest } from "./manifest.ts";
import type { FileHash } from "../../src/shared/fileHash.ts";
import { artefactPath } from "../../src/catalogue.ts";
import { listFiles, sha256File } from "../io/hash.ts";
import { readArtefact } from "../io/artefactStore.ts";
import { BUNDLE_INDEX, BUNDLE_SETTLEMENTS, bundleDisagreements, readBundleIndex, settlementsInput } from "../bundle.ts";
import { messages } from "../../src/messages.ts";
import { parseSettlementFile } from "../../src/repay/settlements.ts";
import { checkRunSignature, type SignatureState } from "./keys.ts";
import { MARKER_FILE } from "../io/ownedFolder.ts";
import { LOCK_FILE } from "../io/takeLock.ts";

const MANIFEST = artefactPath("manifest");
const SIGNATURE = artefactPath("manifestSignature");
const notAnOutput = (rel: string) => rel === MANIFEST || rel === SIGNATURE || rel === BUNDLE_INDEX || rel === MARKER_FILE || rel === LOCK_FILE || rel.endsWith(".tmp");

/** What verifyRun found: hashes, signature, bundle index and settlement chain, and what the run is (for the header). */
export interface RunVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly changed: string[];
  readonly missing: string[];
  readonly unrecorded: string[];
  readonly manifest: Manifest;
  readonly signature: SignatureState;
  readonly bundle: boolean;
  /** Every recorded file whose hash was recomputed ("role: path"). */
  readonly rechecked: string[];
  readonly notRechecked: string[];
  /** bundle.json against the signed manifest, the settlement file's chain, --expect-as-of: each a sentence. */
  readonly problems: string[];
}

/**
 * `effekt verify-run`: recomputes every hash in a run's manifest, names files it does not record,
 * and checks the signature (with the public key; without one it says whether the run is signed).
 * In an investor bundle (bundle.json present) every file under report/ must be there, bundle.json
 * must agree with the manifest and the folder, and the files that stay with the municipality
 * (inputs, work/, internal artefacts) are listed as not rechecked. The settlement file the run
 * read (in the run's place, or the bundle's copy) is rechecked by hash and by its own chain.
 */
export async function verifyRun(dir: string, options: { readonly publicKey?: string; readonly expectAsOf?: string } = {}): Promise<RunVerification> {
  const root = resolve(dir);
  const manifest = (await readArtefact({ outDir: root, specDir: root, spec: null }, "manifest", "run")) as Manifest;
  const read = await readBundleIndex(root);
  const bundle = read === "invalid" ? null : read;
  const published = (path: string) => path.startsWith(PUBLISHED_FOLDER);
  const recorded = [...manifest.inputs, ...manifest.outputs];
  // A bundle holds the settlement file the run read as settlements.json (when bundle.json lists it).
  const settlements = settlementsInput(manifest);
  const bundledSettlements = bundle !== null && settlements !== null && bundle.holds.includes(BUNDLE_SETTLEMENTS) ? settlements : null;
  const where = (file: FileHash) => (file === bundledSettlements ? join(root, BUNDLE_SETTLEMENTS) : join(root, file.path));
  // A bundle vouches for its published files only: inputs and internal files are never looked for outside it.
  const kept = bundle === null ? [] : recorded.filter((f) => !published(f.path) && f !== bundledSettlements);
  const rechecked = recorded.filter((f) => !kept.includes(f));
  const actual = new Map<string, string | null>();
  for (const file of rechecked) actual.set(file.path, await sha256File(where(file)));
  const current = await listFiles(root, notAnOutput);
  const unrecorded = current.filter((p) => !manifest.outputs.some((o) => o.path === p) && !(bundledSettlements !== null && p === BUNDLE_SETTLEMENTS));
  const signature: SignatureState = await checkRunSignature(root, options.publicKey);

  const problems: string[] = [];
  if (read === "invalid") problems.push(messages.bundleIndexInvalid());
  if (bundle !== null) {
    const present = [...current, MANIFEST, ...(signature.state === "unsigned" ? [] : [SIGNATURE])].sort();
    problems.push(...bundleDisagreements(bundle, manifest, present));
  }
  const settlementsFile = settlements === null ? null : bundle === null ? where(settlements) : bundledSettlements === null ? null : where(bundledSettlements);
  if (settlementsFile !== null && (await sha256File(settlementsFile)) !== null) {
    let json: unknown = null;
    try {
      json = JSON.parse(await readFile(settlementsFile, "utf8"));
    } catch {
      json = null;
    }
    const parsed = parseSettlementFile(json, relative(root, settlementsFile));
    if ("issues" in parsed) problems.push(...parsed.issues.map((i) => `${i.file ?? ""}: ${i.message}`));
  }
  if (options.expectAsOf !== undefined && manifest.asOf !== options.expectAsOf) problems.push(messages.verifyAsOfDiffers(manifest.asOf, options.expectAsOf));
  const hashes = compareHashes(rechecked, actual);
  return {
    ...hashes,
    unrecorded,
    manifest,
    signature,
    bundle: bundle !== null,
    rechecked: rechecked.map((f) => `${f.role}: ${f.path}`),
    notRechecked: kept.map((f) => `${f.role}: ${f.path}`),
    problems,
  };
}

/** Only this folder of a run may leave the municipality (the catalogue's publishable artefacts). */
const PUBLISHED_FOLDER = artefactPath("reportHtml").split("/")[0]! + "/";
