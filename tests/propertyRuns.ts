/**
 * How many generated cases a property test tries. Each test names its full size; `npm test` tries a quarter of it
 * (each test checks that this still reaches every branch it names), and CI (.ci/run) sets EFFEKT_PROPERTY_SCALE=1 for
 * the full size. Any other scale, e.g. EFFEKT_PROPERTY_SCALE=10 for a long hunt, multiplies it.
 */
const DEFAULT_SCALE = 0.25;

export const PROPERTY_SCALE = scaleFrom(process.env.EFFEKT_PROPERTY_SCALE);

/** `full` cases scaled by EFFEKT_PROPERTY_SCALE (at least 1). */
export function propertyRuns(full: number): number {
  return Math.max(1, Math.round(full * PROPERTY_SCALE));
}

function scaleFrom(text: string | undefined): number {
  if (text === undefined || text === "") return DEFAULT_SCALE;
  const scale = Number(text);
  if (!(scale > 0)) throw new Error(`EFFEKT_PROPERTY_SCALE must be a positive number, got '${text}'`);
  return scale;
}
