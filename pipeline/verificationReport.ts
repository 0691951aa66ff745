/**
 * What `effekt verify-run` prints, in this order: what was verified (evaluation, as-of date,
 * spec hash, signer key), the verdict, then the details — every problem always, the per-file
 * lines (each rechecked file, each hash kept by the municipality) only with --verbose.
 *
 * The verdict, for an investor: "verified" only when every hash matches, bundle.json and the
 * settlement chain agree, and the signature is valid with the public key given. A signed run or
 * a bundle that says it is signed, checked without --public-key, is NOT verified (exit 1): its
 * hashes are only consistent with a manifest anyone could have rewritten. An unsigned run with
 * matching hashes is "verified (hashes only)", exit 0, and says that nothing shows who made it.
 */
import type { RunVerification } from "./seal/verifyRun.ts";

export interface VerificationReport {
  readonly ok: boolean;
  readonly lines: string[];
}

export function verificationReport(result: RunVerification, options: { readonly publicKeyGiven: boolean; readonly verbose: boolean }): VerificationReport {
  const { manifest, signature } = result;
  const spec = manifest.inputs.find((f) => f.role === "spec");
  const signer =
    signature.state === "valid"
      ? `${signature.publicKeySha256} (signature valid with the public key given)`
      : signature.state === "not_checked"
        ? `${signature.publicKeySha256} (as the signature file says; NOT checked: give --public-key)`
        : signature.state === "invalid"
          ? "the signature fails (see below)"
          : "none: the run is unsigned";
  const header = [
    `evaluation: ${manifest.evaluation}`,
    `as of: ${manifest.asOf}`,
    `spec sha256: ${spec ? `${spec.sha256} (${spec.path})` : "not recorded"}`,
    `signer key sha256: ${signer}`,
  ];

  const details: string[] = [];
  for (const file of result.changed) details.push(`CHANGED  ${file}`);
  for (const file of result.missing) details.push(`MISSING  ${file}`);
  for (const file of result.unrecorded) details.push(`NOT IN MANIFEST  ${file}`);
  for (const problem of result.problems) details.push(`DISAGREES  ${problem}`);
  if (signature.state === "invalid") details.push(`SIGNATURE FAILS  ${signature.reason}`);
  if (signature.state === "unsigned" && options.publicKeyGiven) details.push("SIGNATURE MISSING  the run is unsigned, and --public-key asks for a signature");
  if (options.verbose) {
    for (const file of result.rechecked) if (!result.changed.includes(file) && !result.missing.includes(file)) details.push(`matches  ${file}`);
    for (const file of result.notRechecked) details.push(`NOT RECHECKED (stays with the municipality)  ${file}`);
  } else if (result.notRechecked.length > 0) {
    details.push(`${result.notRechecked.length} recorded hashes stay with the municipality and are not rechecked here (--verbose lists them)`);
  }

  const consistent = result.ok && result.unrecorded.length === 0 && result.problems.length === 0;
  const what = result.bundle ? `bundle: ${result.checked} files match manifest.json, ${result.notRechecked.length} hashes not rechecked` : `${result.checked} files match manifest.json`;
  let ok = false;
  let verdict: string;
  if (!consistent || signature.state === "invalid" || (signature.state === "unsigned" && options.publicKeyGiven)) {
    verdict = "NOT verified: see below";
  } else if (signature.state === "not_checked") {
    verdict = `NOT verified: the hashes match, but the run is signed and the signature is NOT checked: give --public-key (${what})`;
  } else if (signature.state === "valid") {
    ok = true;
    verdict = `verified: ${what}; signature valid (${manifest.createdAt})`;
  } else {
    ok = true;
    verdict = `verified (hashes only): ${what}; the run is unsigned, so nothing shows who made it (${manifest.createdAt})`;
  }
  return { ok, lines: [...header, verdict, ...details] };
}
