/**
 * Lan–DeMets Pocock-type α-spending (Lan & DeMets 1983; rpact `"asP"`, gsDesign `sfLDPocock`):
 *   α(t) = α log(1 + (e − 1) t).
 */
import type { SpendingDefinition } from "./definition.ts";

export const pocock = {
  describe: () => "Pocock-type (Lan–DeMets)",
  cumulative: (_spending, alpha, _sides, fraction) => alpha * Math.log(1 + (Math.E - 1) * fraction),
} satisfies SpendingDefinition<"pocock">;
