/** Published and reproduced: every figure a source document prints, beside what its stated assumptions give. */
import { labelIn } from "../../shared/label.ts";
import { formatNumber } from "../i18n.ts";
import type { Table } from "../table.ts";
import { tableCollector, type SectionBuilder } from "./section.ts";

export const publishedSection: SectionBuilder = (input, t) => {
  const { lang, run } = input;
  if (!run.projection) return null;
  const { add, tables } = tableCollector(input);
  const published: Table = {
    id: "published",
    columns: [{ key: "case", label: t("case"), kind: "text", id: "case_id" }, { key: "figure", label: t("figure"), kind: "text" }, { key: "published", label: t("publishedValue"), kind: "number", digits: 2 }, { key: "reproduced", label: t("reproduced"), kind: "number", digits: 2 }, { key: "verdict", label: t("verdict"), kind: "text" }, { key: "nearest", label: t("nearest"), kind: "text" }, { key: "note", label: t("note"), kind: "text" }],
    rows: run.projection.cases.flatMap((c) =>
      c.published.map((p) => ({
        case: labelIn(lang, c.title),
        case_id: c.name,
        figure: `${labelIn(lang, p.label)} — ${p.printed}`,
        published: p.published,
        reproduced: p.reproduced,
        verdict: p.verdict === "reproduced" ? t("reproducedWord") : t("differsWord"),
        nearest: p.nearest.map((n) => `${labelIn(lang, n.label)}: ${formatNumber(lang, n.value, 2)}`).join("; "),
        note: p.note === null ? "" : labelIn(lang, p.note),
      })),
    ),
  };
  return { html: add(published), tables };
};
