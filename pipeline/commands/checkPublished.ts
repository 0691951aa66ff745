/** `effekt check-published`: recomputes published p-values from the figures printed beside them. */
import { writeFile } from "node:fs/promises";
import { checkPublished, PublishedFile } from "../../src/estimate/checkPublished.ts";
import { issuesFromZod, StopRun } from "../../src/shared/issues.ts";
import { readJson } from "../io/readJson.ts";
import { EXIT_OK, guarded, say, text, UsageError, type Command } from "./command.ts";

export const checkPublishedCommand: Command = {
  name: "check-published",
  synopsis: "effekt check-published <figures.json> [--out result.json] recompute published p-values from printed figures",
  help: `effekt check-published <figures.json> [--out result.json]

Recomputes published p-values from the figures printed beside them: two shares (%) — Pearson χ²,
Yates χ², Fisher — or two means with SDs — Welch's t; with group sizes when published, otherwise
finding every pair of sizes (10–1,500 per arm, 1:1 within 20 %) that reproduces the printed p.
Says plainly what cannot be recomputed and why. Example: fixtures/published/ungifokus-001.json.

Options:
  --out FILE   also write the result as JSON
  -h, --help   this help`,
  options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
  run: (values, positionals) => {
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new UsageError("effekt check-published: expected exactly one figures file");
    return guarded("check-published", async () => {
      const parsed = PublishedFile.safeParse(await readJson(path, "figures file"));
      if (!parsed.success) throw new StopRun(issuesFromZod(parsed.error, path));
      const file = parsed.data;
      const report = checkPublished(file);
      say(`${file.title ?? path} — source: ${file.source}`);
      for (const r of report.results) say(`${r.verdict.toUpperCase().replace("_", " ").padEnd(16)} ${r.label}: ${r.detail}`);
      if (report.sameSample) say(`same sample: ${report.sameSample}`);
      const out = text(values, "out");
      if (out) await writeFile(out, JSON.stringify({ source: file.source, ...report }, null, 2) + "\n");
      return EXIT_OK;
    });
  },
};
