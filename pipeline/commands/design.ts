/** `effekt design`: pilot power, persons per arm, detectable and break-even effects. */
import { pilotDesign } from "../../src/design/pilotDesign.ts";
import { projectFiles } from "./projectFiles.ts";
import { EXIT_OK, guarded, say, text, UsageError, type Command, type OptionValues } from "./command.ts";

function designInputs(values: OptionValues) {
  const number = (key: string, fallback: number | null) => (text(values, key) === undefined ? fallback : Number(text(values, key)));
  const n = number("n", null);
  const base = number("base", null);
  const target = number("target", null);
  const alpha = number("alpha", 0.05)!;
  const power = number("power", 0.8)!;
  const share = (x: number | null): x is number => x !== null && x > 0 && x < 1;
  if (n === null || !(n >= 2) || !share(base) || (target !== null && !share(target)) || !share(alpha) || !share(power)) {
    throw new UsageError("effekt design: --n (≥ 2) and --base (a share) are required; --target, --alpha and --power are shares");
  }
  const effect = number("effect", null);
  if (text(values, "case") !== undefined && (effect === null || !(effect > 0))) throw new UsageError("effekt design: --case needs --effect, the effect its base case assumes");
  return { n, base, target, alpha, power, effect };
}

export const designCommand: Command = {
  name: "design",
  synopsis: `effekt design --n N --base SHARE [--target SHARE] [--case case.json --effect E]
                                                          pilot design: power, n per arm, detectable and break-even effects`,
  help: `effekt design --n PERSONS_PER_ARM --base SHARE [--target SHARE] [--alpha 0.05] [--power 0.8]
              [--case business-case.json --effect STATED_EFFECT]

Pilot design for a share outcome, two arms, two-sided (as R's power.prop.test): the power
at --target, the persons per arm it needs, and the minimum detectable effect at --n. With
--case (an assumption file) and --effect (the effect its base case assumes, e.g. 0.5 for
'50 % in work'), also the smallest effect that still breaks even for society, and whether
the pilot could detect it.

Options:
  --n N          persons per arm           --base SHARE    the comparison group's share
  --target SHARE the share hoped for       --alpha A       significance level (default 0.05)
  --power P      power wanted (0.8)        --case FILE     a business case (assumption file)
  --effect E     the effect the case's base assumes
  -h, --help     this help`,
  options: {
    n: { type: "string" },
    base: { type: "string" },
    target: { type: "string" },
    alpha: { type: "string" },
    power: { type: "string" },
    case: { type: "string" },
    effect: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  run: (values) => {
    const { n, base, target, alpha, power, effect } = designInputs(values);
    return guarded("design", async () => {
      const casePath = text(values, "case");
      const businessCase = casePath === undefined ? null : { projection: (await projectFiles("design", [casePath], null)).cases[0]!, statedEffect: effect! };
      const design = pilotDesign({ n, base, target, alpha, power }, businessCase);
      const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
      say(`${n} persons per arm, comparison share ${pct(base)}, α = ${alpha}, power ${pct(power)}`);
      if (design.powerAtTarget !== null) say(`power to detect ${pct(base)} → ${pct(target!)}: ${pct(design.powerAtTarget)}; persons per arm needed for ${pct(power)}: ${Math.ceil(design.personsPerArmForTarget!)}`);
      say(`minimum detectable share: ${pct(design.minimumDetectableShare)} (an effect of ${(100 * design.minimumDetectableEffect).toFixed(1)} percentage points)`);
      if (design.breakEven) say(`break-even (${design.breakEven.case}): ${design.breakEven.explanation}`);
      return EXIT_OK;
    });
  },
};
