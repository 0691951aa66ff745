import { describe, expect, it } from "vitest";
import { prisonReleases } from "../../../src/ingest/extracts/prison_releases.ts";
import type { ExtractContext } from "../../../src/ingest/ingestExtract.ts";
import { day } from "../../helpers.ts";

const context = {} as ExtractContext;

describe("prison_releases", () => {
  it("covers and flags the release day", () => {
    expect(prisonReleases.coverage({ releaseDate: day("2023-09-01") })).toEqual({ from: day("2023-09-01"), to: day("2023-09-01") });
    expect(prisonReleases.flagSpan({ releaseDate: day("2023-09-01") })).toEqual({ from: day("2023-09-01"), to: day("2023-09-02") });
  });

  it("checkRow refuses an admission after the release, and takes one on the release day", () => {
    expect(prisonReleases.checkRow!({ admissionDate: day("2023-09-02"), releaseDate: day("2023-09-01") }, context)?.rule).toBe("admission_after_release");
    expect(prisonReleases.checkRow!({ admissionDate: day("2023-09-01"), releaseDate: day("2023-09-01") }, context)).toBeNull();
    expect(prisonReleases.checkRow!({ admissionDate: null, releaseDate: day("2023-09-01") }, context)).toBeNull();
  });
});
