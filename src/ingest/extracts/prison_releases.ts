/** Prison releases, each on the day of release (with the admission it ended, when known). */
import { messages } from "../../messages.ts";
import { event, onDay } from "./shapes.ts";
import type { ExtractDefinition } from "./types.ts";

export const prisonReleases: ExtractDefinition = {
  ...event,
  ...onDay("releaseDate"),
  checkRow: (row) =>
    typeof row.admissionDate === "number" && row.admissionDate > (row.releaseDate as number)
      ? { field: "admissionDate", rule: "admission_after_release", message: messages.rule.admission_after_release() }
      : null,
  family: "prison_releases",
  records: "prisonReleases",
};
