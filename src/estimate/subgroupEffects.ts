/**
 * Effects within subgroups and the test that they differ: per level, the difference
 * in means (Welch); across levels, the Wald F test of the treatment × level
 * interactions in y ~ z + levels + z:levels with HC2 covariance,
 * F = b̂ᵀ V̂⁻¹ b̂ / q on (q, N − K) degrees of freedom (q = levels − 1; the first level,
 * in code-unit order, is the reference).
 */
import { note, type Note } from "../shared/note.ts";
import { fUpperTail } from "../stats/distributions.ts";
import { waldStatistic } from "../stats/matrix.ts";
import { robustRegression } from "../stats/robustRegression.ts";
import { noteOfModelError, type ContrastData } from "./contrastData.ts";
import { differenceInMeans } from "./differenceInMeans.ts";
import type { InteractionTest, SubgroupEffect } from "./schema.ts";

export function subgroupEffects(data: ContrastData, subgroup: string, levelOfUnit: readonly string[]): { effects: SubgroupEffect[]; interaction: InteractionTest } {
  const levelOf = data.units.map((unit) => levelOfUnit[unit]!);
  const keep = levelOf.map((level) => level !== "");
  const levels = [...new Set(levelOf.filter((l) => l !== ""))].sort();
  const effects = levels.map((level) => {
    const index = levelOf.map((l, i) => (l === level ? i : -1)).filter((i) => i >= 0);
    const subset: ContrastData = { ...data, units: index.map((i) => data.units[i]!), z: index.map((i) => data.z[i]!), y: index.map((i) => data.y[i]!) };
    const e = differenceInMeans(subset);
    return {
      outcome: data.outcome,
      contrast: data.contrast,
      subgroup,
      level,
      estimator: "difference_in_means" as const,
      estimate: e.estimate,
      std_error: e.std_error,
      df: e.df,
      p_value: e.p_value,
      conf_low: e.conf_low,
      conf_high: e.conf_high,
      n_treated: e.n_treated,
      n_control: e.n_control,
      ...(e.notes ? { notes: e.notes } : {}),
    };
  });
  const method = "wald_f_interactions_hc2" as const;
  const q = levels.length - 1;
  const none = (why: Note): InteractionTest => ({ outcome: data.outcome, contrast: data.contrast, subgroup, method, statistic: null, df1: Math.max(q, 0), df2: null, p_value: null, notes: [why] });
  if (q < 1) return { effects, interaction: none(note("one_subgroup_level")) };
  const rows = keep.map((k, i) => (k ? i : -1)).filter((i) => i >= 0);
  const z = rows.map((i) => data.z[i]!);
  const dummies = levels.slice(1).map((level) => ({ name: `level:${level}`, values: rows.map((i) => Number(levelOf[i] === level)) }));
  const design = [
    { name: "(Intercept)", values: rows.map(() => 1) },
    { name: "z", values: z },
    ...dummies,
    ...dummies.map((d) => ({ name: `z:${d.name}`, values: d.values.map((v, k) => v * z[k]!) })),
  ];
  let fit;
  try {
    fit = robustRegression(design, rows.map((i) => data.y[i]!), data.confidence);
  } catch (error) {
    return { effects, interaction: none(noteOfModelError(error)) };
  }
  const terms = fit.coefficients.map((c, j) => ({ c, j })).filter(({ c }) => c.name.startsWith("z:"));
  if (terms.length === 0) return { effects, interaction: none(note("interactions_collinear")) };
  const b = terms.map(({ c }) => c.estimate);
  const covariance = terms.map(({ j }) => terms.map(({ j: k }) => fit.covariance[j]![k]!));
  let statistic: number;
  try {
    statistic = waldStatistic(b, covariance) / terms.length;
  } catch {
    return { effects, interaction: none(note("interaction_covariance_singular")) };
  }
  return {
    effects,
    interaction: {
      outcome: data.outcome,
      contrast: data.contrast,
      subgroup,
      method,
      statistic,
      df1: terms.length,
      df2: fit.df,
      p_value: fUpperTail(statistic, terms.length, fit.df),
      ...(terms.length < q ? { notes: [note("interactions_dropped", { dropped: q - terms.length })] } : {}),
    },
  };
}
