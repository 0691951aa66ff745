/**
 * Hwang–Shih–DeCani γ-family (Hwang, Shih & DeCani 1990, Stat Med 9:1439–1445; rpact `"asHSD"`,
 * gsDesign `sfHSD`): α(t) = α (1 − e^(−γt)) / (1 − e^(−γ)), and α t when γ = 0. γ = −4 is close to
 * O'Brien–Fleming, γ = 1 close to Pocock.
 */
import type { SpendingDefinition } from "./definition.ts";

export const hwangShihDeCani = {
  describe: (spending) => `Hwang–Shih–DeCani (γ = ${spending.gamma})`,
  cumulative: (spending, alpha, _sides, fraction) =>
    spending.gamma === 0 ? alpha * fraction : (alpha * (1 - Math.exp(-spending.gamma * fraction))) / (1 - Math.exp(-spending.gamma)),
} satisfies SpendingDefinition<"hsd">;
