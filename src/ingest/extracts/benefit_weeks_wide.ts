/**
 * Weekly benefit status, wide layout (`person, y_2201 … y_2652`): a row is a person's every week, so a
 * second row for the person is a repeat (the same cells) or a conflict; the week columns, not the rows,
 * state the extract's coverage (ingest/index.ts).
 */
import { unknownSpan } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const benefitWeeksWide: ExtractDefinition = {
  repeat: "period",
  keyField: "personId",
  signature: (_row, cells, weekColumns) => weekColumns.map((w) => (cells[w.index] ?? "").trim()).join("\u0000"),
  repeatKey: () => "",
  coverage: () => null,
  flagSpan: unknownSpan,
  family: "benefit_weeks",
  records: null,
};
