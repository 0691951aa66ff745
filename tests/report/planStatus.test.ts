import { describe, expect, it } from "vitest";
import { planStatusHtml } from "../../src/report/planStatus.ts";
import { texts } from "../../src/report/i18n.ts";
import { NOT_LOCKED } from "../../src/spec/analysisPlan.ts";

/** The words as keys with their values, so the branch taken and what it is given show. */
const t = ((key: string, values: Record<string, string | number> = {}) => `${key}${Object.keys(values).length ? JSON.stringify(values) : ""}`) as unknown as ReturnType<typeof texts>;
const locked = { locked: true, lockedAt: "2024-01-02", sha256: "ab", afterOutcomes: false, deviations: [] };

describe("planStatusHtml(plan, t)", () => {
  it("planStatusHtml(not locked) is the one not-locked paragraph", () => {
    expect(planStatusHtml(NOT_LOCKED, t)).toBe('<p class="plan">planNotLocked</p>');
  });
  it("planStatusHtml(locked, no deviations) says unchanged since the lock date; after the outcomes it says so", () => {
    expect(planStatusHtml(locked, t)).toBe('<p class="plan">planUnchanged{&quot;date&quot;:&quot;2024-01-02&quot;,&quot;after&quot;:&quot;&quot;}</p>');
    expect(planStatusHtml({ ...locked, afterOutcomes: true }, t)).toContain("planAfterOutcomes");
  });
  it("planStatusHtml(two deviations) lists each, escaped, under the changed paragraph", () => {
    const html = planStatusHtml({ ...locked, deviations: [{ path: "a<b", locked: "1", now: "2" }, { path: "c", locked: "3", now: "4" }] } as never, t);
    expect(html.startsWith('<p class="plan deviations">planChanged')).toBe(true);
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain("a&lt;b");
  });
  it("planStatusHtml(locked) in Danish names the lock date", () => {
    expect(planStatusHtml(locked, texts("da"))).toContain("2024-01-02");
  });
});
