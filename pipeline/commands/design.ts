/** `effekt design`: pilot power, persons per arm, detectable and break-even effects. */
import { pilotDesign } from "../../src/design/pilotDesign.ts";
import { sequentialDesign } from "../../src/design/sequentialDesign.ts";
import { describeSpending } from "../../src/stats/sequential/spending/index.ts";
import { projectFiles } from "./projectFiles.ts";
import { parseLooks, parseSpending } from "./sequentialOptions.ts";
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

function sequentialInputs(values: OptionValues) {
  const number = (key: string, fallback: number | null) => (text(values, key) === undefined ? fallback : Number(text(values, key)));
  const share = (x: number | null): x is number => x !== null && x > 0 && x < 1;
  const [alpha, power, base, target] = [number("alpha", 0.05), number("power", 0.8), number("base", null), number("target", null)];
  const sides = number("sides", 2);
  if (!share(alpha) || !share(power) || (base !== null && !share(base)) || (target !== null && !share(target)) || (sides !== 1 && sides !== 2)) {
    throw new UsageError("effekt design: --alpha, --power, --base and --target are shares; --sides is 1 or 2");
  }
  if ((base === null) !== (target === null) || (base !== null && base === target)) throw new UsageError("effekt design: --looks sizes the design in persons from --base and --target together (two different shares)");
  const futility = text(values, "futility") === undefined ? null : parseSpending("design", "futility", text(values, "futility")!);
  if (futility && sides === 2) throw new UsageError("effekt design: --futility (β-spending) is for one-sided designs: add --sides 1");
  return {
    fractions: parseLooks("design", text(values, "looks")!, true),
    spending: parseSpending("design", "spending", text(values, "spending") ?? "obf"),
    alpha,
    sides: sides as 1 | 2,
    power,
    futility,
    shares: base === null ? null : { base, target: target! },
  };
}

function printSequentialDesign(values: OptionValues): number {
  const input = sequentialInputs(values);
  const design = sequentialDesign(input);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  say(`${input.fractions.length} looks, ${describeSpending(input.spending)} α-spending, α = ${input.alpha} ${input.sides === 2 ? "two-sided" : "one-sided"}, power ${pct(input.power)}`);
  say(`look  information  boundary z  nominal p   α spent${input.futility ? "    futility z" : ""}`);
  design.looks.forEach((look, k) => {
    const cells = [String(k + 1).padStart(4), pct(look.fraction).padStart(11), look.boundary.toFixed(4).padStart(10), look.nominalP.toPrecision(4).padStart(10), look.alphaSpent.toPrecision(4).padStart(9)];
    if (look.futilityBound !== null) cells.push(look.futilityBound.toFixed(4).padStart(12));
    say(cells.join("  "));
  });
  const c = design.characteristics;
  say(`maximum sample size: ${c.inflationFactor.toFixed(4)} × a single look's; power ${pct(c.power)} at drift ${c.drift.toFixed(4)}`);
  say(`expected sample size: ${c.expectedShareH0.toFixed(4)} × a single look's under no effect, ${c.expectedShareH1.toFixed(4)} × under the effect`);
  if (design.sampleSize) {
    const s = design.sampleSize;
    say(`persons per arm (${pct(input.shares!.base)} → ${pct(input.shares!.target)}): ${Math.ceil(s.fixedPerArm)} with one look; at most ${Math.ceil(s.maximumPerArm)} with ${input.fractions.length} looks, expected ${s.expectedPerArmH0.toFixed(1)} under no effect and ${s.expectedPerArmH1.toFixed(1)} under the effect`);
  }
  return EXIT_OK;
}

export const designCommand: Command = {
  name: "design",
  synopsis: `effekt design --n N --base SHARE [--target SHARE] [--case case.json --effect E]
                                                          pilot design: power, n per arm, detectable and break-even effects
effekt design --looks K|0.3,0.7,1 [--spending obf|pocock|hsd:γ] [--base SHARE --target SHARE]
                                                          group-sequential design: boundaries per look, inflation, expected n, power`,
  help: `effekt design --n PERSONS_PER_ARM --base SHARE [--target SHARE] [--alpha 0.05] [--power 0.8]
              [--case business-case.json --effect STATED_EFFECT]

Pilot design for a share outcome, two arms, two-sided (as R's power.prop.test): the power
at --target, the persons per arm it needs, and the minimum detectable effect at --n. With
--case (an assumption file) and --effect (the effect its base case assumes, e.g. 0.5 for
'50 % in work'), also the smallest effect that still breaks even for society, and whether
the pilot could detect it.

With --looks (a number of equally spaced looks, or their information fractions ending at 1),
a group-sequential design instead (as rpact's getDesignGroupSequential, getDesignCharacteristics
and getSampleSizeRates): the boundary at every look (z and nominal p), the α spent, the
maximum sample size against a single look, the expected sample size under no effect and under
the effect, and power; with --base and --target also in persons per arm.

Options:
  --looks K|T,T,1  looks                   --spending S    obf (default), pocock or hsd:γ
  --sides 1|2    sides of the test (2)     --futility S    non-binding β-spending futility (--sides 1)
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
    looks: { type: "string" },
    spending: { type: "string" },
    sides: { type: "string" },
    futility: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  run: (values) => {
    if (text(values, "looks") !== undefined) return guarded("design", async () => printSequentialDesign(values));
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
