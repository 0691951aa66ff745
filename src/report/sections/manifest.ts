/** Run manifest: every input with its SHA-256, the seeds and the versions. */
import type { Table } from "../table.ts";
import { tableCollector, type SectionBuilder } from "./section.ts";

export const manifestSection: SectionBuilder = (input, t) => {
  const { add, tables } = tableCollector(input);
  const manifestTable: Table = {
    id: "manifest_inputs",
    columns: [{ key: "file", label: t("file"), kind: "text" }, { key: "sha256", label: t("sha256"), kind: "text" }],
    rows: [
      ...input.manifest.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
      ...Object.entries(input.manifest.seeds).map(([k, v]) => ({ file: `${t("seedWord")}: ${k}`, sha256: String(v) })),
      ...Object.entries(input.manifest.versions).map(([k, v]) => ({ file: `${t("versionWord")}: ${k}`, sha256: v })),
    ],
  };
  return { html: add(manifestTable), tables };
};
