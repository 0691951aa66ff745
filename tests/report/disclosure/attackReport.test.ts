/** attackReport on hand-made tables that leak as issue 16 describes them: it names each leak (the shipped runs: attack.test.ts). */
import { describe, expect, it } from "vitest";
import { attackReport, invertMean, onlySmallSolutions, readNumber } from "../../../src/report/disclosure/attackReport.ts";

const csv = (lines: string[]) => lines.join("\n") + "\n";

describe("attackReport(report) on tables that leak (the issue's examples)", () => {
  const consort = csv([
    "stage,arm,n",
    "Randomised,control,239",
    "Received,control,228",
    "Not received,control,11",
    "Lost: follow-up,control,x",
    "Lost: emigrated,control,0",
    "Lost: died,control,<5",
    "Lost: other,control,0",
    "Lost: coverage,control,0",
    "Incomplete,control,0",
    "Analysed,control,183",
  ]);

  it("names n analysed 238 of 239 randomised: one person not analysed", () => {
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate,relative", "y1,treatment vs control,difference_in_means,238,238,0.7,0.002"]);
    const found = attackReport(new Map([["consort.csv", consort], ["effects.csv", effects]]));
    expect(found.some((f) => f.includes("n = 238 of 239 randomised in control: 1 not analysed"))).toBe(true);
  });

  it("names a subgroup difference 1/86 − 0/87 (a binary outcome with 1 event: no other pair of counts gives it)", () => {
    const subgroups = csv(["outcome,subgroup,level,n_treated,n_control,estimate,p", `flex_job,female,1,86,87,${1 / 86},0.3`]);
    const found = attackReport(new Map([["subgroups.csv", subgroups]]));
    expect(found.join("\n")).toContain("1/86 − 0/87");
  });

  it("names estimate ÷ relative effect × n: 5/183 against 0.027 gives 5 and 178, and 2 events gives 2", () => {
    // control 2/100 = 0.02, treatment 7/100 = 0.07: difference 0.05, relative 2.5.
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate,relative", "flex,treatment vs control,difference_in_means,100,100,0.05,2.5"]);
    expect(attackReport(new Map([["effects.csv", effects]])).join("\n")).toContain("2 events and 98 non-events in control");
  });

  it("names the events behind a memo sentence: 2,2 % of 90 can only be 2 persons; 10,2 % of 88 is 9 (not small)", () => {
    // 2/90 = 2,22 % and 9/88 = 10,23 %: at 0,1 % no other count rounds to those shares.
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate", "edu,treatment vs control,difference_in_means,90,88,-0.08"]);
    const memo = csv(["outcome,outcome_label,contrast,contrast_label,means", 'edu,I uddannelse,treatment vs control,Indsatsgruppe mod kontrolgruppe,"2,2 % (Indsatsgruppe) mod 10,2 % (Kontrolgruppe)"']);
    const found = attackReport(new Map([["effects.csv", effects], ["effects_primary.csv", memo]]));
    expect(found).toEqual(["effects_primary.csv line 2: edu: 2.2 % of 90 in treatment can only be 2 persons"]);
    const summary = csv(["figure,figure_label,value", 'effect:edu:treatment vs control,Effekter: I uddannelse,"2,2 % (Indsatsgruppe) mod 10,2 % (Kontrolgruppe); forskel -8,0 procentpoint"']);
    expect(attackReport(new Map([["effects.csv", effects], ["summary.csv", summary]]))).toEqual(["summary.csv line 2: edu: 2.2 % of 90 in treatment can only be 2 persons"]);
  });

  it("names the ledger: 950,000 − 800,000 = 150,000 = 3 × 50,000 (three families)", () => {
    const lines = csv(["contract,period,item,basis,amount,note", 'c,2024,a,"persons = 16; price = 50.000",800000,', 'c,2024,b,"persons = <5; price = 50.000",<5,']);
    const periods = csv(["contract,period,computed", "c,2024,950000"]);
    expect(attackReport(new Map([["repayment_lines.csv", lines], ["repayment.csv", periods]])).join("\n")).toContain("= 3 persons");
  });

  it("names two hidden ledger lines: 140,000 kr. at 60,000 and 40,000 can only be 1 and 2 persons; 600,000 also as 10 and 0", () => {
    expect(onlySmallSolutions(140_000, [60_000, 40_000])).toBe(true);
    expect(onlySmallSolutions(600_000, [60_000, 40_000])).toBe(false); // 10 × 60,000 + 0 × 40,000 (and 6 + 6, 0 + 15)
    expect(onlySmallSolutions(130_000, [60_000, 40_000])).toBe(false); // not payable at all: nothing to learn
    const lines = csv(["contract,period,item,basis,amount,note", 'c,2024,a,"persons = x; price = 60000",x,', 'c,2024,b,"persons = x; price = 40000",x,', 'c,2024,d,"persons = 20; price = 15000",300000,']);
    const ledger = csv(["contract,period,computed", "c,2024,440000"]);
    expect(attackReport(new Map([["repayment_lines.csv", lines], ["repayment.csv", ledger]])).join("\n")).toContain("can only be paid with 1 to 4 persons on one of its 2 hidden lines");
  });

  it("names n treated from a difference line: 130,900 kr ÷ (275 kr × (12 − 10)) = 238 of 239 randomised", () => {
    const lines = csv(["contract,period,item,basis,amount,note", 'u,year 1,days_y1,"n_treated = x; n_control = x; mean_treated = 10; mean_control = 12; price_per_unit = 275",130900,']);
    expect(attackReport(new Map([["consort.csv", consort], ["repayment_lines.csv", lines]])).join("\n")).toContain("gives n treated = 238");
  });

  it("names an estimate the changes section shows while the effects table hides it", () => {
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate,relative", "flex,treatment vs control,difference_in_means,183,183,<5,"]);
    const changes = csv(["figure,previous,current,note", "Estimate: flex (treatment vs control),0.027,0.03,"]);
    const found = attackReport(new Map([["effects.csv", effects], ["changes.csv", changes]]), new Map([["effects.csv", effects]]));
    expect(found).toHaveLength(2);
  });

  it("names a count of 1 to 4 shown as it is, and a margin differenced across CONSORT and the status table", () => {
    const status = csv(["outcome,arm,status,n", "y1,control,censored:as_of,x", "y1,control,observed,236"]);
    const found = attackReport(new Map([["consort.csv", consort.replace("Lost: emigrated,control,0", "Lost: emigrated,control,2")], ["outcome_status_by_arm.csv", status]]));
    expect(found.join("\n")).toContain("column n shows 2");
    expect(found.join("\n")).toContain("status y1 control censored:as_of = 3");
  });

  it("names the excluded from the CONSORT diagram's boxes: 120 assessed − 10 referred later − 7 awaiting − 100 randomised = 3", () => {
    const boxes = csv(["stage,arm,n", "assessed,,120", "excluded,,<5", "not_yet_referred,,10", "awaiting_randomisation,,7", "randomised_total,,100", "randomised,control,50", "randomised,treatment,50"]);
    expect(attackReport(new Map([["consort.csv", boxes]])).join("\n")).toContain("consort excluded = 3");
  });

  it("names the not matched of a matched comparison: a pool of 33 less 30 matched = 3", () => {
    const boxes = csv(["stage,arm,n", "assessed,,88", "excluded,,0", "randomised,comparison,30", "received,comparison,30", "not_received,comparison,0", "randomised,programme,30", "received,programme,30", "not_received,programme,0", "pool,comparison,55", "unmatched,comparison,25", "pool,programme,33", "unmatched,programme,<5"]);
    expect(attackReport(new Map([["consort.csv", boxes]])).join("\n")).toContain("consort programme unmatched = 3");
  });

  it("names those awaiting randomisation from the intake: 459 enrolled − 458 randomised = 1", () => {
    const boxes = csv(["stage,arm,n", "assessed,,x", "excluded,,0", "not_yet_referred,,x", "awaiting_randomisation,,<5", "randomised_total,,458", "randomised,control,229", "randomised,treatment,229"]);
    const summary = csv(["figure,figure_label,value", "intake,Indskrevet,459"]);
    expect(attackReport(new Map([["consort.csv", boxes], ["summary.csv", summary]]))).toContain("consort awaiting_randomisation = 1 (intake = awaiting + not assigned + randomised)");
  });

  it("names exact-mean inversion: mean_treated 314.4117647058824 beside n treated = x of 239 fits only n = 238 (74,830 days)", () => {
    const lines = csv(["contract,period,item,basis,amount,note", 'u,year 1,days_y1,"n_treated = x; n_control = x; mean_treated = 314.4117647058824; mean_control = 313.70588235294116; price_per_unit = 275",0,']);
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate", "days_y1,treatment vs control,difference_in_means,x,x,0.7"]);
    const consortBoth = consort + consort.split("\n").slice(1).join("\n").replace(/control/g, "treatment").replace(/Kontrolgruppe/g, "Indsatsgruppe");
    const found = attackReport(new Map([["consort.csv", consortBoth], ["repayment_lines.csv", lines], ["effects.csv", effects]]));
    expect(found.join("\n")).toContain("mean_treated: the mean 314.4117647058824 fits only n = 238 of 239 randomised in treatment: 1 not counted");
    // Printed to the published precision (1 decimal) it fits every n from 235 to 239: nothing is learnt.
    const rounded = lines.replace("314.4117647058824", "314.4").replace("313.70588235294116", "313.7");
    expect(attackReport(new Map([["consort.csv", consortBoth], ["repayment_lines.csv", rounded], ["effects.csv", effects]]))).toEqual([]);
  });

  it("names a KPI threshold that is 1 − the control arm's Kaplan–Meier share the survival table hides", () => {
    const kpis = csv(["kpi,arm,persons,share,low,high,threshold,verdict", "self_12m,treatment,50,0.793,0.636,0.882,0.957922077922078,not yet"]);
    const survival = csv(["outcome,arm,time,survival,low,high,at_risk", "days_self,control,365,<5,,,<5", "days_self,treatment,365,0.207,0.118,0.364,5"]);
    const effects = csv(["outcome,contrast,estimator,n_treated,n_control,estimate", "days_self,treatment vs control,logrank,50,49,"]);
    const knowledge = { kpisAgainstControl: new Map([["self_12m", { outcome: "days_self", atDays: 365 }]]) };
    expect(attackReport(new Map([["kpis.csv", kpis], ["survival.csv", survival], ["effects.csv", effects]]), null, knowledge).join("\n")).toContain("the threshold 0.957922077922078 of self_12m is 1 − the Kaplan–Meier share the survival table hides (control at day 365)");
    expect(attackReport(new Map([["kpis.csv", kpis.replace("0.957922077922078", "x")], ["survival.csv", survival], ["effects.csv", effects]]), null, knowledge)).toEqual([]);
  });
});

describe("readNumber(text), onlySmallSolutions(rest, prices) and invertMean(shown, decimals, unit, total)", () => {
  it("readNumber(…) reads plain, Danish (1.234,5) and English (1,234.5) numbers; a mask or words are null", () => {
    expect(readNumber("239")).toBe(239);
    expect(readNumber(" 0.027 ")).toBe(0.027);
    expect(readNumber("1.234.567,5")).toBe(1234567.5);
    expect(readNumber("130,900")).toBe(130900);
    expect(readNumber("2,2")).toBe(2.2);
    expect(readNumber("<5")).toBeNull();
    expect(readNumber("x")).toBeNull();
    expect(readNumber(undefined)).toBeNull();
  });
  it("onlySmallSolutions(rest, [50,000]) holds for 1 to 4 persons' worth, not for 0 or 5", () => {
    expect(onlySmallSolutions(150_000, [50_000])).toBe(true);
    expect(onlySmallSolutions(250_000, [50_000])).toBe(false);
    expect(onlySmallSolutions(0, [50_000])).toBe(false);
  });
  it("invertMean(74,830 / 238 to 13 decimals, unit 1, of 239) fits only n = 238: one person left out", () => {
    expect(invertMean(314.4117647058824, 13, 1, 239)).toEqual([238]);
  });
  it("invertMean(2.5 to 1 decimal, of 10) fits n = 10 as well (nothing left out), so nothing is learnt", () => {
    expect(invertMean(2.5, 1, 1, 10)).toEqual([]);
  });
});
