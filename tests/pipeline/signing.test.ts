/** Signed runs, verify-run with a public key, and the investor bundle (issue 16, items 4 and 5). */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../pipeline/cli.ts";
import { verifyRun } from "../../pipeline/seal.ts";

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
    expect(good.out).toMatch(/signature: valid/);
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

  describe("the investor bundle (effekt bundle)", () => {
    const bundle = join(tempDir(), "deep", "bundle");
    let made: Promise<{ code: number; out: string }> | null = null;
    const bundled = () => (made ??= ready.then(() => cli(["bundle", run, "--out", bundle])));

    it("verifies on its own with the public key, naming the hashes it cannot recheck", async () => {
      expect((await bundled()).code).toBe(0);
      const result = await cli(["verify-run", bundle, "--public-key", join(keys, "public.pem")]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/signature: valid/);
      expect(result.out).toMatch(/NOT RECHECKED \(stays with the municipality\) {2}extract:population: .*population\.csv/);
      expect(result.out).toMatch(/NOT RECHECKED \(stays with the municipality\) {2}output: work\/outcomes\.csv/);
      expect(result.out).toMatch(/verified: bundle: \d+ published files match/);
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
  });
});
