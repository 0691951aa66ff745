/**
 * Lan–DeMets O'Brien–Fleming-type α-spending (Lan & DeMets 1983, Biometrika 70:659–663), in the
 * form rpact's `typeOfDesign = "asOF"` and gsDesign's `sfLDOF` use: with s sides,
 *   α(t) = 2 s (1 − Φ(Φ⁻¹(1 − α/(2s)) / √t)),
 * so a two-sided design spends α/2 on each side by the one-sided function.
 */
import { normalQuantile, normalUpperTail } from "../../distributions.ts";
import type { SpendingDefinition } from "./definition.ts";

export const obrienFleming = {
  describe: () => "O'Brien–Fleming-type (Lan–DeMets)",
  cumulative: (_spending, alpha, sides, fraction) => 2 * sides * normalUpperTail(normalQuantile(1 - alpha / (2 * sides)) / Math.sqrt(fraction)),
} satisfies SpendingDefinition<"obf">;
