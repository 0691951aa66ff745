/** File-backed readers for the fuzz cases: the bytes go to a temporary file, then through the real readers. */
import { writeFileSync } from "node:fs";
import type { RawRow } from "../../src/ingest/schema.ts";
import { detectDialect, readCsvRows } from "../../pipeline/io/readCsv.ts";
import { rowsOfExtract } from "../../pipeline/io/scanCsv.ts";

export function fileReader(path: string, which: "chosen" | "csv-parse"): (bytes: Buffer) => AsyncIterable<RawRow | RawRow[]> {
  return (bytes) =>
    (async function* () {
      writeFileSync(path, bytes);
      const dialect = await detectDialect(path, {});
      if (which === "csv-parse") yield* readCsvRows(path, "fuzz.csv", dialect);
      else yield* (await rowsOfExtract(path, "fuzz.csv", dialect)).rows;
    })();
}
