/** KPI verdicts from an interval, by hand: the point estimate alone never decides. */
import { describe, expect, it } from "vitest";
import { decideAgainstControl, decideAgainstThreshold } from "../../src/kpi/decideKpi.ts";

describe("decideAgainstThreshold(interval, threshold, direction)", () => {
  it("at_least 60 %: 46,2–72,4 % spans it (not decided yet), 61–80 % clears it (met), 30–55 % is wholly below (not met)", () => {
    expect(decideAgainstThreshold([0.462, 0.724], 0.6, "at_least").verdict).toBe("not_decided");
    expect(decideAgainstThreshold([0.61, 0.8], 0.6, "at_least").verdict).toBe("met");
    expect(decideAgainstThreshold([0.3, 0.55], 0.6, "at_least").verdict).toBe("not_met");
  });
  it("at_most 40 %: 10–30 % is met, 45–60 % is not met, 35–45 % is not decided; an interval ending on the threshold clears it", () => {
    expect(decideAgainstThreshold([0.1, 0.3], 0.4, "at_most").verdict).toBe("met");
    expect(decideAgainstThreshold([0.45, 0.6], 0.4, "at_most").verdict).toBe("not_met");
    expect(decideAgainstThreshold([0.35, 0.45], 0.4, "at_most").verdict).toBe("not_decided");
    expect(decideAgainstThreshold([0.4, 0.7], 0.4, "at_least").verdict).toBe("met");
  });
});

describe("decideAgainstControl(interval of arm − comparison, direction)", () => {
  it("below_control: better only when the whole interval is below 0; one touching or crossing 0 is not shown", () => {
    expect(decideAgainstControl([-0.36, -0.015], "below_control").verdict).toBe("better");
    expect(decideAgainstControl([-0.63, 0.1], "below_control").verdict).toBe("not_shown");
    expect(decideAgainstControl([-0.2, 0], "below_control").verdict).toBe("not_shown");
    expect(decideAgainstControl([0.05, 0.3], "below_control").verdict).toBe("not_shown");
  });
  it("above_control: better only when the whole interval is above 0; no interval is not shown", () => {
    expect(decideAgainstControl([0.05, 0.43], "above_control").verdict).toBe("better");
    expect(decideAgainstControl([-0.13, 0.42], "above_control").verdict).toBe("not_shown");
    expect(decideAgainstControl(null, "above_control").verdict).toBe("not_shown");
  });
});
