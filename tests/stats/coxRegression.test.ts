/** Cox regression (coxph, Efron and Breslow ties, robust SE) against R's survival 3.5 (fixtures/reference/survival.R) at 1e-8. */
import { describe, it } from "vitest";
import { coxRegression } from "../../src/stats/coxRegression.ts";
import { close, readSet, reference, sets } from "./survivalReference.ts";

describe.each(sets)("coxRegression on %s = R survival", (name) => {
  const r = reference[name];
  const data = readSet(name);

  it("coxRegression(time, event, x, ties) = coxph(ties, robust = TRUE): coefficient, model and robust SE, log-likelihood", () => {
    for (const e of r.cox) {
      const x = [data.arm.map((a) => Number(a === r.treated)), ...e.covariates.map((c: string) => data.number(c))];
      const fit = coxRegression(data.time, data.event, x, e.ties);
      close(fit.coefficients[0]!, e.coef, `${e.ties} ${e.covariates} coef`);
      close(Math.sqrt(fit.variance[0]![0]!), e.se, `${e.ties} ${e.covariates} se`);
      close(Math.sqrt(fit.robustVariance[0]![0]!), e.robust_se, `${e.ties} ${e.covariates} robust se`);
      close(fit.logLikelihood, e.loglik, `${e.ties} ${e.covariates} loglik`);
    }
  });
});
