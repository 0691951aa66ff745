/**
 * The investor bundle: what may leave the municipality of one run — report/ (suppressed),
 * manifest.json and its signature — with bundle.json saying what it holds and which recorded
 * files stay behind (inputs, work/, internal artefacts), so that verify-run on the bundle
 * alone rechecks every published file and names the hashes it cannot recheck.
 */
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { artefactPath } from "../src/catalogue.ts";
import type { Manifest } from "../src/report/manifest.ts";
import { formatJson, writeFileAtomic } from "./io/files.ts";
import { exists } from "./io/paths.ts";

export const BUNDLE_INDEX = "bundle.json";

export const BundleIndex = z.object({
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

/** The bundle index of a folder, or null when the folder is a whole run (or the index is unreadable). */
export async function readBundleIndex(root: string): Promise<BundleIndex | null> {
  const path = join(root, BUNDLE_INDEX);
  if (!(await exists(path))) return null;
  try {
    return BundleIndex.parse(JSON.parse(await readFile(path, "utf8")));
  } catch {
    return null;
  }
}

/** Copies a verified run's publishable files, manifest and signature into an empty folder and writes bundle.json. */
export async function writeBundle(runDir: string, outDir: string, manifest: Manifest): Promise<BundleIndex> {
  const publishedFolder = artefactPath("reportHtml").split("/")[0]! + "/";
  const signature = artefactPath("manifestSignature");
  const signed = await exists(join(runDir, signature));
  const copied = [...manifest.outputs.map((o) => o.path).filter((p) => p.startsWith(publishedFolder)), artefactPath("manifest"), ...(signed ? [signature] : [])];
  const copiedSet = new Set(copied);
  const kept = [...manifest.inputs, ...manifest.outputs].filter((f) => !copiedSet.has(f.path)).map((f) => `${f.role}: ${f.path}`);
  await mkdir(outDir, { recursive: true });
  for (const path of copied) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await copyFile(join(runDir, path), join(outDir, path));
  }
  const index = BundleIndex.parse({
    artefact: "bundle",
    schema_version: 1,
    evaluation: manifest.evaluation,
    asOf: manifest.asOf,
    manifestCreatedAt: manifest.createdAt,
    signed,
    holds: [...copied].sort(),
    keptByMunicipality: kept,
  });
  await writeFileAtomic(join(outDir, BUNDLE_INDEX), formatJson(index));
  return index;
}

export async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  if (!(await exists(dir))) return true;
  return (await readdir(dir)).length === 0;
}
