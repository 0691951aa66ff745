/**
 * The seal, the pipeline's last node: manifest.json over the whole run — the SHA-256 of every input
 * and of every output, the seeds, the versions, the plan status and the population followed — and,
 * with --sign, manifest-signature.json, the Ed25519 signature over the manifest's exact bytes.
 * `effekt verify-run` (verifyRun.ts) checks both again.
 *
 *   reads:  the SHA-256 of every artefact the other nodes wrote (`hashes`); the run's input hashes,
 *           versions, plan status, time and --sign key (`facts`)
 *   writes: manifest.json; manifest-signature.json, or none without --sign (a new manifest voids
 *           the signature of the old one: sign again with --sign)
 */
import { ARTEFACTS, type ArtefactName } from "../../src/catalogue.ts";
import { isoDate } from "../../src/shared/dates.ts";
import { populationSourceOf } from "../../src/spec/populationSource.ts";
import { ABSENT, defineStage } from "../../src/stage.ts";
import { formatJson } from "../io/files.ts";
import { Manifest } from "./manifest.ts";
import { signManifest } from "./signature.ts";

const SEAL_WRITES = ["manifest", "manifestSignature"] as const satisfies readonly ArtefactName[];

/** What the seal hashes: every artefact but its own. */
export const SEALED: readonly ArtefactName[] = (Object.keys(ARTEFACTS) as ArtefactName[]).filter((name) => !(SEAL_WRITES as readonly ArtefactName[]).includes(name));

export const stage = defineStage({
  name: "seal",
  folder: "pipeline/seal/",
  does: "the manifest: the SHA-256 of every input and output, seeds, versions, plan status; with --sign its Ed25519 signature",
  reads: [],
  readsOptional: [],
  hashes: SEALED,
  facts: ["inputHashes", "versions", "plan", "now", "signingKey"],
  follows: ["report"],
  inputs: () => [],
  writes: SEAL_WRITES,
  skip: () => null,
  run({ hashes, facts }, context) {
    const manifest = Manifest.parse({
      artefact: "manifest",
      schema_version: 1,
      createdAt: facts.now,
      evaluation: context.spec.name,
      asOf: isoDate(context.asOf),
      versions: facts.versions,
      seeds: { ...context.seeds },
      inputs: facts.inputHashes,
      outputs: hashes,
      plan: facts.plan,
      population: populationSourceOf(context.spec),
    });
    // The signature covers the bytes the runner writes for the manifest (formatJson, pipeline/io/artefactStore.ts).
    const signature = facts.signingKey === null ? null : signManifest(Buffer.from(formatJson(manifest)), facts.signingKey, context.runPath("manifest"));
    return {
      outputs: { manifest, manifestSignature: signature ?? ABSENT },
      issues: [],
      warnings: [],
      summary: [
        `seal: ${context.shownPath("manifest")} over ${facts.inputHashes.length} inputs and ${hashes.length} outputs`,
        ...(signature === null ? [] : [`seal: signed ${context.runPath("manifest")} with key ${signature.publicKeySha256.slice(0, 16)}…`]),
      ],
    };
  },
});
