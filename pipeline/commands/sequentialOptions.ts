/** Command-line spellings of a group-sequential plan: `--looks 4` or `--looks 0.3,0.7,1`, `--spending obf|pocock|hsd:γ`. */
import type { Spending } from "../../src/stats/sequential/spending/index.ts";
import { UsageError } from "./command.ts";

/** `4` → ¼, ½, ¾, 1; `0.3,0.7,1` → those fractions (increasing, in (0, 1], the last 1 when `endAtOne`). */
export function parseLooks(command: string, value: string, endAtOne: boolean): number[] {
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count < 1 || count > 20) throw new UsageError(`effekt ${command}: --looks takes a number of looks from 1 to 20, or the information fractions (0.3,0.7,1)`);
    return Array.from({ length: count }, (_, k) => (k + 1) / count);
  }
  const fractions = value.split(",").map((part) => Number(part.trim()));
  const increasing = fractions.every((t, k) => Number.isFinite(t) && t > 0 && t <= 1 && (k === 0 || t > fractions[k - 1]!));
  if (!increasing || (endAtOne && fractions.at(-1) !== 1)) {
    throw new UsageError(`effekt ${command}: --looks ${value}: information fractions must increase within (0, 1]${endAtOne ? " and end at 1" : ""}`);
  }
  return fractions;
}

/** `obf`, `pocock`, `hsd:-4`. */
export function parseSpending(command: string, option: string, value: string): Spending {
  if (value === "obf") return { kind: "obf" };
  if (value === "pocock") return { kind: "pocock" };
  const hsd = /^hsd:(-?\d+(?:\.\d+)?)$/.exec(value);
  if (hsd && Number(hsd[1]) >= -10 && Number(hsd[1]) <= 5) return { kind: "hsd", gamma: Number(hsd[1]) };
  throw new UsageError(`effekt ${command}: --${option} ${value}: use obf, pocock or hsd:γ (γ from −10 to 5, e.g. hsd:-4)`);
}
