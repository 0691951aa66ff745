/** Pilot design: power at the target, persons per arm needed, minimum detectable and break-even effects. */
import { pilotDesign } from "../../design/pilotDesign.ts";
import { sampleSizeTwoProportions } from "../../stats/power.ts";
import { labelIn } from "../../shared/label.ts";
import { formatNumber } from "../i18n.ts";
import type { Table } from "../table.ts";
import { outcomeLabeller, tableCollector, type SectionBuilder } from "./section.ts";

export const designSection: SectionBuilder = (input, t) => {
  const { lang, run } = input;
  const designSpec = input.spec.pilotDesign;
  if (!designSpec) return null;
  const { add, tables } = tableCollector(input);
  const perArm = designSpec.personsPerArm ?? Math.min(...(run.assignment?.consort.arms.map((a) => a.randomised) ?? [2]));
  const projection = designSpec.case ? run.projection?.cases.find((c) => c.name === designSpec.case && c.notProjected === null) : undefined;
  const design = pilotDesign(
    { n: Math.max(2, perArm), base: designSpec.base, target: designSpec.target ?? null, alpha: designSpec.alpha, power: designSpec.power },
    projection && designSpec.statedEffect ? { projection, statedEffect: designSpec.statedEffect } : null,
  );
  const percent = (share: number) => `${formatNumber(lang, 100 * share, 1)} %`;
  const points = (effect: number) => formatNumber(lang, 100 * effect, 1);
  const breakEvenText = (b: { effect: number; detectable: boolean }) =>
    b.detectable
      ? t("designBreakEvenDetectable", { effect: points(b.effect), n: formatNumber(lang, design.n), mde: points(design.minimumDetectableEffect) })
      : t("designBreakEvenNotDetectable", {
          effect: points(b.effect),
          n: formatNumber(lang, design.n),
          mde: points(design.minimumDetectableEffect),
          needed: formatNumber(lang, Math.ceil(sampleSizeTwoProportions(designSpec.power, design.base, Math.min(0.999999, design.base + b.effect), designSpec.alpha))),
        });
  // A business case by its title, never by its id.
  const caseTitle = (name: string) => {
    const found = input.run.projection?.cases.find((c) => c.name === name);
    return found ? labelIn(lang, found.title) : t("case");
  };
  const designTable: Table = {
    id: "pilot_design",
    columns: [{ key: "figure", label: t("figure"), kind: "text" }, { key: "value", label: t("value"), kind: "text" }],
    rows: [
      { figure: t("outcome"), value: outcomeLabeller(input)(designSpec.outcome) },
      { figure: t("designPersonsPerArm"), value: formatNumber(lang, design.n) },
      { figure: t("designBase"), value: percent(design.base) },
      ...(design.powerAtTarget !== null
        ? [
            { figure: t("designPowerAt", { target: percent(designSpec.target!) }), value: percent(design.powerAtTarget) },
            { figure: t("designPersonsNeeded"), value: formatNumber(lang, Math.ceil(design.personsPerArmForTarget!)) },
          ]
        : []),
      { figure: t("designDetectable"), value: `${formatNumber(lang, 100 * design.minimumDetectableEffect, 1)} ${t("percentagePoints")}` },
      ...(design.breakEven ? [{ figure: t("designBreakEven", { case: caseTitle(design.breakEven.case) }), value: breakEvenText(design.breakEven) }] : []),
    ],
  };
  return { html: add(designTable), tables };
};
