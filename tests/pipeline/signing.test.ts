/** Signed runs, verify-run with a public key, and the investor bundle (issue 16, items 4 and 5). */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { verifyRun } from "../../pipeline/seal/verifyRun.ts";

const tempDir = () => mkdtempSync(join(tmpdir(), "effekt-sign-"));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Runs the CLI in-process and returns its exit code and what it printed on stdout. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return { code: await main(args), out };
  } finally {
    spy.mockRestore();
    vi.restoreAllMocks();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** Rewrites one output's hash in manifest.json, as someone covering up a changed file would. */
function rewriteHash(runDir: string, path: string) {
  const manifestPath = join(runDir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const entry = manifest.outputs.find((o: { path: string }) => o.path === path);
  entry.sha256 = sha256(readFileSync(join(runDir, path)));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
}

describe("signed runs (effekt keygen, run --sign, verify-run --public-key)", () => {
  afterEach(() => vi.restoreAllMocks());
  const keys = join(tempDir(), "keys");
  const run = join(tempDir(), "run");
  const ready = (async () => {
    expect((await cli(["keygen", "--out", keys])).code).toBe(0);
    expect((await cli(["run", "fixtures/ungifokus/spec.json", "--out", run, "--sign", join(keys, "private.pem")])).code).toBe(0);
  })();

  it("keygen writes an Ed25519 PEM pair and refuses to overwrite it", async () => {
    await ready;
    expect(readFileSync(join(keys, "private.pem"), "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(readFileSync(join(keys, "public.pem"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(statSync(join(keys, "private.pem")).mode & 0o077).toBe(0);
    expect((await cli(["keygen", "--out", keys])).code).toBe(1);
  });

  it("a signed run verifies with its public key, and fails with another key", async () => {
    await ready;
    const good = await cli(["verify-run", run, "--public-key", join(keys, "public.pem")]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/signature valid/);
    const other = join(tempDir(), "other");
    await cli(["keygen", "--out", other]);
    const bad = await cli(["verify-run", run, "--public-key", join(other, "public.pem")]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/SIGNATURE FAILS {2}the signature was made with another key/);
  });

  it("one byte changed in a report table AND its hash rewritten in manifest.json: the hashes match, the signature fails", async () => {
    await ready;
    const copy = join(tempDir(), "tampered");
    cpSync(run, copy, { recursive: true });
    // The run's inputs are recorded relative to the run folder: keep the copy at the same depth.
    const table = "report/effects.csv";
    const bytes = readFileSync(join(copy, table));
    const at = bytes.indexOf("0.");
    bytes[at + 2] = bytes[at + 2] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(copy, table), bytes);
    rewriteHash(copy, table);
    const result = await verifyRun(copy, { publicKey: join(keys, "public.pem") });
    expect(result.changed).toEqual([]);
    expect(result.signature).toEqual({ state: "invalid", reason: expect.stringMatching(/manifest was changed after it was signed/) });
    const printed = await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")]);
    expect(printed.code).toBe(1);
    expect(printed.out).toMatch(/SIGNATURE FAILS/);
    expect(printed.out).toMatch(/NOT verified/);
  });

  it("an unsigned run still verifies its hashes and says it is unsigned; with --public-key it fails for want of a signature", async () => {
    const unsigned = join(tempDir(), "unsigned");
    expect((await cli(["run", "fixtures/ungifokus/spec.json", "--out", unsigned])).code).toBe(0);
    expect(existsSync(join(unsigned, "manifest-signature.json"))).toBe(false);
    const plain = await cli(["verify-run", unsigned]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/the run is unsigned/);
    const asked = await cli(["verify-run", unsigned, "--public-key", join(keys, "public.pem")]);
    expect(asked.code).toBe(1);
    expect(asked.out).toMatch(/SIGNATURE MISSING/);
  });

  it("--sign with a file that is not an Ed25519 private key stops before the run, naming the file", async () => {
    await ready;
    const out = join(tempDir(), "never");
    let err = "";
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
    expect(await main(["run", "fixtures/ungifokus/spec.json", "--out", out, "--sign", join(keys, "public.pem")])).toBe(1);
    expect(err).toMatch(/public\.pem: not an Ed25519 private key/);
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
  });

  it("verify-run prints what it verified first (evaluation, as-of, spec hash, signer key), then the verdict; the per-file lines only with --verbose", async () => {
    await ready;
    const manifest = JSON.parse(readFileSync(join(run, "manifest.json"), "utf8"));
    const spec = manifest.inputs.find((f: { role: string }) => f.role === "spec");
    const fingerprint = JSON.parse(readFileSync(join(run, "manifest-signature.json"), "utf8")).publicKeySha256;
    expect(spec.sha256).toBe(sha256(readFileSync("fixtures/ungifokus/spec.json")));
    const plain = await cli(["verify-run", run, "--public-key", join(keys, "public.pem")]);
    const lines = plain.out.trimEnd().split("\n");
    expect(lines.slice(0, 5)).toEqual([
      `evaluation: ${manifest.evaluation}`,
      `as of: ${manifest.asOf}`,
      `spec sha256: ${spec.sha256} (${spec.path})`,
      `signer key sha256: ${fingerprint} (signature valid with the public key given)`,
      expect.stringMatching(/^verified: \d+ files match manifest\.json; signature valid/),
    ]);
    expect(lines).toHaveLength(5);
    const verbose = await cli(["verify-run", run, "--public-key", join(keys, "public.pem"), "--verbose"]);
    const verboseLines = verbose.out.trimEnd().split("\n");
    expect(verboseLines.slice(0, 5)).toEqual(lines);
    expect(verboseLines.slice(5).every((l) => l.startsWith("matches  "))).toBe(true);
    expect(verboseLines.length - 5).toBe(manifest.inputs.length + manifest.outputs.length);
  });

  it("a signed run checked without --public-key is NOT verified (exit 1): the signature is present but not checked", async () => {
    await ready;
    const result = await cli(["verify-run", run]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/signer key sha256: [0-9a-f]{64} \(as the signature file says; NOT checked: give --public-key\)/);
    expect(result.out).toMatch(/NOT verified: the hashes match, but the run is signed and the signature is NOT checked: give --public-key/);
    expect(result.out).not.toMatch(/^verified/m);
  });

  it("effekt report re-seals: without --sign the old signature is removed (a new manifest voids it), with --sign it is made again", async () => {
    await ready;
    const copy = join(tempDir(), "resealed");
    cpSync(run, copy, { recursive: true });
    const before = JSON.parse(readFileSync(join(copy, "manifest.json"), "utf8"));
    expect((await cli(["report", "fixtures/ungifokus/spec.json", "--out", copy])).code).toBe(0);
    expect(existsSync(join(copy, "manifest-signature.json"))).toBe(false);
    const resealed = JSON.parse(readFileSync(join(copy, "manifest.json"), "utf8"));
    expect(resealed.createdAt).not.toBe(before.createdAt);
    expect(resealed.outputs.map((o: { path: string }) => o.path)).toEqual(before.outputs.map((o: { path: string }) => o.path));
    expect((await cli(["verify-run", copy])).out).toMatch(/the run is unsigned/);
    expect((await cli(["report", "fixtures/ungifokus/spec.json", "--out", copy, "--sign", join(keys, "private.pem")])).code).toBe(0);
    const signed = await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")]);
    expect(signed.code).toBe(0);
    expect(signed.out).toMatch(/signature valid/);
  });

  it("--expect-as-of: a run of another as-of date fails, its own passes; a malformed date is a usage error", async () => {
    await ready;
    const asOf = JSON.parse(readFileSync(join(run, "manifest.json"), "utf8")).asOf;
    const key = ["--public-key", join(keys, "public.pem")];
    expect((await cli(["verify-run", run, ...key, "--expect-as-of", asOf])).code).toBe(0);
    const old = await cli(["verify-run", run, ...key, "--expect-as-of", "2099-06-30"]);
    expect(old.code).toBe(1);
    expect(old.out).toContain(`DISAGREES  the run is as of ${asOf}, not 2099-06-30 (--expect-as-of)`);
    expect(await main(["verify-run", run, "--expect-as-of", "30-06-2099"])).toBe(2);
  });

  describe("the investor bundle (effekt bundle)", () => {
    const bundle = join(tempDir(), "deep", "bundle");
    let made: Promise<{ code: number; out: string }> | null = null;
    const bundled = () => (made ??= ready.then(() => cli(["bundle", run, "--out", bundle])));

    it("verifies on its own with the public key, naming the hashes it cannot recheck", async () => {
      expect((await bundled()).code).toBe(0);
      const result = await cli(["verify-run", bundle, "--public-key", join(keys, "public.pem"), "--verbose"]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/signature valid/);
      expect(result.out).toMatch(/NOT RECHECKED \(stays with the municipality\) {2}extract:population: .*population\.csv/);
      expect(result.out).toMatch(/NOT RECHECKED \(stays with the municipality\) {2}output: work\/outcomes\.csv/);
      expect(result.out).toMatch(/verified: bundle: \d+ files match manifest\.json, \d+ hashes not rechecked; signature valid/);
    });

    it("holds report/, the manifest and its signature only: no work/, no person id from the fixture", async () => {
      await bundled();
      const files = filesUnder(bundle).map((f) => f.slice(bundle.length + 1)).sort();
      expect(files.every((f) => f.startsWith("report/") || ["manifest.json", "manifest-signature.json", "bundle.json"].includes(f)), files.join(", ")).toBe(true);
      expect(files).toContain("report/report.html");
      const ids = readFileSync("fixtures/ungifokus/population.csv", "latin1").split(/\r?\n/).slice(1).map((l) => l.split(";")[0]!).filter((id) => id !== "");
      expect(ids.length).toBeGreaterThan(400);
      expect(ids[0]).toMatch(/^UF\d+$/);
      const text = files.map((f) => readFileSync(join(bundle, f), "utf8")).join("\n");
      const found = ids.filter((id) => new RegExp(`\\b${id}\\b`).test(text));
      expect(found).toEqual([]);
    });

    it("a bundle with a report file changed (hash rewritten) fails on the signature; with a report file removed, names it missing", async () => {
      await bundled();
      const copy = join(tempDir(), "deep", "copy");
      cpSync(bundle, copy, { recursive: true });
      const html = readFileSync(join(copy, "report/status.html"), "utf8");
      writeFileSync(join(copy, "report/status.html"), html.replace("<body", "<body data-x"));
      expect((await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")])).code).toBe(1);
      rewriteHash(copy, "report/status.html");
      const rewritten = await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")]);
      expect(rewritten.code).toBe(1);
      expect(rewritten.out).toMatch(/SIGNATURE FAILS/);
      const removed = join(tempDir(), "deep", "removed");
      cpSync(bundle, removed, { recursive: true });
      writeFileSync(join(removed, "report/status.html"), "");
      const { rmSync } = await import("node:fs");
      rmSync(join(removed, "report/status.html"));
      const missing = await cli(["verify-run", removed, "--public-key", join(keys, "public.pem")]);
      expect(missing.code).toBe(1);
      expect(missing.out).toMatch(/MISSING {2}output: report\/status\.html/);
    });

    it("a signed bundle with a file edited, its hash rewritten and the signature deleted: NOT verified without --public-key (bundle.json says signed)", async () => {
      await bundled();
      const copy = join(tempDir(), "deep", "stripped");
      cpSync(bundle, copy, { recursive: true });
      const html = readFileSync(join(copy, "report/status.html"), "utf8");
      writeFileSync(join(copy, "report/status.html"), html.replace("<body", "<body data-x"));
      rewriteHash(copy, "report/status.html");
      rmSync(join(copy, "manifest-signature.json"));
      const result = await cli(["verify-run", copy]);
      expect(result.code).toBe(1);
      expect(result.out).toContain("DISAGREES  bundle.json says the run is signed, and manifest-signature.json is missing");
      expect(result.out).toMatch(/^NOT verified/m);
      expect(result.out).not.toMatch(/^verified/m);
    });

    it("the limit: with bundle.json rewritten to unsigned as well, only --public-key catches it (hashes only without it)", async () => {
      await bundled();
      const copy = join(tempDir(), "deep", "unsigned");
      cpSync(bundle, copy, { recursive: true });
      writeFileSync(join(copy, "report/status.html"), readFileSync(join(copy, "report/status.html"), "utf8").replace("<body", "<body data-x"));
      rewriteHash(copy, "report/status.html");
      rmSync(join(copy, "manifest-signature.json"));
      const index = JSON.parse(readFileSync(join(copy, "bundle.json"), "utf8"));
      index.signed = false;
      index.holds = index.holds.filter((f: string) => f !== "manifest-signature.json");
      writeFileSync(join(copy, "bundle.json"), JSON.stringify(index, null, 2));
      const plain = await cli(["verify-run", copy]);
      expect(plain.code).toBe(0);
      expect(plain.out).toMatch(/verified \(hashes only\): .*the run is unsigned, so nothing shows who made it/);
      const keyed = await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")]);
      expect(keyed.code).toBe(1);
      expect(keyed.out).toContain("SIGNATURE MISSING");
    });

    it("bundle.json is bound to the signed manifest: its as-of edited to 2099, a listed file or an extra key fails even with a valid signature", async () => {
      await bundled();
      const edits: [string, (index: any) => void, RegExp][] = [
        ["asof", (index) => (index.asOf = "2099-12-31"), /DISAGREES {2}bundle\.json says asOf 2099-12-31, the manifest \(what is signed\) says \d{4}-\d{2}-\d{2}/],
        ["evaluation", (index) => (index.evaluation = "other"), /DISAGREES {2}bundle\.json says evaluation other/],
        ["kept", (index) => index.keptByMunicipality.pop(), /DISAGREES {2}bundle\.json's list of files kept by the municipality differs/],
        ["holds", (index) => index.holds.push("work/outcomes.csv"), /DISAGREES {2}bundle\.json lists work\/outcomes\.csv, which a bundle never holds/],
        ["extra", (index) => (index.note = "approved"), /DISAGREES {2}bundle\.json is not a valid bundle index/],
      ];
      for (const [name, edit, expected] of edits) {
        const copy = join(tempDir(), "deep", name);
        cpSync(bundle, copy, { recursive: true });
        const index = JSON.parse(readFileSync(join(copy, "bundle.json"), "utf8"));
        edit(index);
        writeFileSync(join(copy, "bundle.json"), JSON.stringify(index, null, 2));
        const result = await cli(["verify-run", copy, "--public-key", join(keys, "public.pem")]);
        expect(result.code, name).toBe(1);
        expect(result.out, name).toMatch(expected);
        expect(result.out, name).toMatch(/^NOT verified/m);
      }
    });

    it("an old bundle passed as new: --expect-as-of names both dates", async () => {
      await bundled();
      const asOf = JSON.parse(readFileSync(join(bundle, "bundle.json"), "utf8")).asOf;
      const result = await cli(["verify-run", bundle, "--public-key", join(keys, "public.pem"), "--expect-as-of", "2030-01-01"]);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`as of: ${asOf}`);
      expect(result.out).toContain(`the run is as of ${asOf}, not 2030-01-01`);
    });
  });
});
