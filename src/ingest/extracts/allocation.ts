/** An allocation made elsewhere (read by the assign stage): a person assigned twice is a problem, whatever the arms. */
import { unknownSpan, wholeRow } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const allocation: ExtractDefinition = {
  repeat: "allocation",
  keyField: "personId",
  signature: wholeRow,
  repeatKey: () => "",
  coverage: () => null,
  flagSpan: unknownSpan,
  family: null,
  records: null,
};
