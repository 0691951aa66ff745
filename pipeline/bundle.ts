/**
 * The investor bundle: what may leave the municipality of one run — report/ (suppressed),
 * manifest.json and its signature, and the settlement file the run read (contract, period,
 * amount: no person data) — with bundle.json saying what it holds and which recorded files
 * stay behind (inputs, work/, internal artefacts), so that verify-run on the bundle alone
 * rechecks every published file and names the hashes it cannot recheck.
 *
 * bundle.json is not signed itself: every field of it must agree with the signed manifest and
 * with the files the bundle holds (bundleDisagreements), so an edit to it fails verification.
 */
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { artefactPath } from "../src/catalogue.ts";
import { messages } from "../src/messages.ts";
import type { FileHash } from "../src/shared/fileHash.ts";
import type { Manifest } from "./seal/manifest.ts";
import { formatJson, writeFileAtomic } from "./io/files.ts";
import { exists } from "./io/paths.ts";

export const BUNDLE_INDEX = "bundle.json";
/** Where a bundle holds the settlement file the run read (the manifest records it as the input with role settlements). */
export const BUNDLE_SETTLEMENTS = "settlements.json";

export const BundleIndex = z.strictObject({
  artefact: z.literal("bundle"),
  schema_version: z.literal(1),
  evaluation: z.string(),
  asOf: z.string(),
  manifestCreatedAt: z.string(),
  signed: z.boolean(),
  holds: z.array(z.string()).describe("Every file in the bundle besides bundle.json"),
  keptByMunicipality: z.array(z.string()).describe("Files the manifest records by hash that stay with the municipality: role and path"),
});
export type BundleIndex = z.infer<typeof BundleIndex>;

const PUBLISHED_FOLDER = artefactPath("reportHtml").split("/")[0]! + "/";
const SIGNATURE = artefactPath("manifestSignature");

/** The bundle index of a folder; null when the folder is a whole run (no bundle.json), "invalid" when bundle.json is there but not an index. */
export async function readBundleIndex(root: string): Promise<BundleIndex | "invalid" | null> {
  const path = join(root, BUNDLE_INDEX);
  if (!(await exists(path))) return null;
  try {
    return BundleIndex.parse(JSON.parse(await readFile(path, "utf8")));
  } catch {
    return "invalid";
  }
}

/** The manifest's record of the settlement file the run read, or null when it read none. */
export const settlementsInput = (manifest: Manifest): FileHash | null => manifest.inputs.find((f) => f.role === "settlements") ?? null;

/** What a bundle of this manifest holds (signature and settlement copy when there are) and which recorded files stay behind. */
function bundleContents(manifest: Manifest, with_: { readonly signed: boolean; readonly settlements: boolean }): { holds: string[]; kept: string[] } {
  const settlements = with_.settlements ? settlementsInput(manifest) : null;
  const published = manifest.outputs.map((o) => o.path).filter((p) => p.startsWith(PUBLISHED_FOLDER));
  const holds = [...published, artefactPath("manifest"), ...(with_.signed ? [SIGNATURE] : []), ...(settlements ? [BUNDLE_SETTLEMENTS] : [])].sort();
  const copied = new Set(published);
  const kept = [...manifest.inputs, ...manifest.outputs].filter((f) => !copied.has(f.path) && f !== settlements).map((f) => `${f.role}: ${f.path}`);
  return { holds, kept };
}

/** Copies a verified run's publishable files, manifest, signature and settlement file into an empty folder and writes bundle.json. */
export async function writeBundle(runDir: string, outDir: string, manifest: Manifest): Promise<BundleIndex> {
  const signed = await exists(join(runDir, SIGNATURE));
  const settlements = settlementsInput(manifest);
  const withSettlements = settlements !== null && (await exists(resolve(runDir, settlements.path)));
  const { holds, kept } = bundleContents(manifest, { signed, settlements: withSettlements });
  await mkdir(outDir, { recursive: true });
  for (const path of holds) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await copyFile(path === BUNDLE_SETTLEMENTS ? resolve(runDir, settlements!.path) : join(runDir, path), join(outDir, path));
  }
  const index = BundleIndex.parse({
    artefact: "bundle",
    schema_version: 1,
    evaluation: manifest.evaluation,
    asOf: manifest.asOf,
    manifestCreatedAt: manifest.createdAt,
    signed,
    holds,
    keptByMunicipality: kept,
  });
  await writeFileAtomic(join(outDir, BUNDLE_INDEX), formatJson(index));
  return index;
}

/**
 * Where bundle.json disagrees with the signed manifest or with the folder: evaluation, as-of and
 * creation time must be the manifest's, `signed` must match the signature file, `holds` must list
 * exactly the files there (each one a bundle may hold), `keptByMunicipality` every other recorded file.
 */
export function bundleDisagreements(index: BundleIndex, manifest: Manifest, present: readonly string[]): string[] {
  const problems: string[] = [];
  const fields: [string, string, string][] = [
    ["evaluation", index.evaluation, manifest.evaluation],
    ["asOf", index.asOf, manifest.asOf],
    ["manifestCreatedAt", index.manifestCreatedAt, manifest.createdAt],
  ];
  for (const [field, inIndex, inManifest] of fields) if (inIndex !== inManifest) problems.push(messages.bundleIndexDisagrees(field, inIndex, inManifest));
  const there = new Set(present);
  const signed = there.has(SIGNATURE);
  if (index.signed && !signed) problems.push(messages.bundleSignedWithoutSignature());
  if (!index.signed && signed) problems.push(messages.bundleUnsignedWithSignature());
  const listed = new Set(index.holds);
  const allowed = new Set(bundleContents(manifest, { signed: true, settlements: true }).holds);
  for (const file of index.holds) {
    if (!allowed.has(file)) problems.push(messages.bundleHoldsWrong(file, "not_allowed"));
    else if (!there.has(file)) problems.push(messages.bundleHoldsWrong(file, "listed_absent"));
  }
  for (const file of present) if (!listed.has(file)) problems.push(messages.bundleHoldsWrong(file, "present_unlisted"));
  const expected = bundleContents(manifest, { signed, settlements: listed.has(BUNDLE_SETTLEMENTS) }).kept;
  if (JSON.stringify(expected) !== JSON.stringify(index.keptByMunicipality)) problems.push(messages.bundleKeptWrong());
  return problems;
}

export async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  if (!(await exists(dir))) return true;
  return (await readdir(dir)).length === 0;
}
