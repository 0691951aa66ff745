/** `effekt verify-run`: recomputes every hash in a run's manifest (or a bundle's), and checks its signature. */
import { verifyRun } from "../seal.ts";
import { EXIT_OK, EXIT_STOPPED, guarded, say, text, UsageError, type Command } from "./command.ts";

export const verifyRunCommand: Command = {
  name: "verify-run",
  synopsis: "effekt verify-run <output dir> [--public-key public.pem] recompute every hash in manifest.json; check the signature",
  help: `effekt verify-run <output dir or bundle> [--public-key public.pem]

Recomputes the SHA-256 of every input and output recorded in the run's manifest.json and names
every file that changed, is missing, or is not in the manifest. With --public-key it checks the
Ed25519 signature (manifest-signature.json) over manifest.json too: a changed file whose hash was rewritten
in the manifest fails here. An unsigned run still has its hashes checked, and is said to be unsigned.
On an investor bundle (effekt bundle) every published file is rechecked; the files that stay with
the municipality are named as not rechecked. Exit 0 when everything checked matches.

Options:
  --public-key FILE    the Ed25519 public key the run must be signed with
  -h, --help           this help`,
  options: { "public-key": { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw new UsageError("effekt verify-run: expected exactly one output folder");
    const publicKey = text(values, "public-key");
    return guarded("verify-run", async () => {
      const result = await verifyRun(dir, publicKey === undefined ? {} : { publicKey });
      for (const file of result.changed) say(`CHANGED  ${file}`);
      for (const file of result.missing) say(`MISSING  ${file}`);
      for (const file of result.unrecorded) say(`NOT IN MANIFEST  ${file}`);
      for (const file of result.notRechecked) say(`NOT RECHECKED (stays with the municipality)  ${file}`);
      const signature = result.signature;
      if (signature.state === "invalid") say(`SIGNATURE FAILS  ${signature.reason}`);
      else if (signature.state === "valid") say(`signature: valid, key ${signature.publicKeySha256}`);
      else if (signature.state === "not_checked") say(`signature: present (key ${signature.publicKeySha256}) but not checked: give --public-key`);
      else say(publicKey === undefined ? "signature: the run is unsigned" : "SIGNATURE MISSING  the run is unsigned, and --public-key asks for a signature");
      const signatureOk = signature.state === "valid" || (publicKey === undefined && signature.state !== "invalid");
      const ok = result.ok && result.unrecorded.length === 0 && signatureOk;
      const what = result.bundle ? `bundle: ${result.checked} published files match manifest.json, ${result.notRechecked.length} hashes not rechecked` : `${result.checked} files match manifest.json`;
      say(ok ? `verified: ${what} (${result.manifest.createdAt})` : "NOT verified");
      return ok ? EXIT_OK : EXIT_STOPPED;
    });
  },
};
