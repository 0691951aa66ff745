/**
 * The report: every section as a table (written as CSV too) and, where it helps, a
 * chart; all counts and figures that describe fewer than `minCell` persons suppressed.
 * Pure: artefacts in, HTML and CSV text out.
 */
import type { AssignmentArtefact } from "../assign/schema.ts";
import type { EffectsArtefact } from "../estimate/schema.ts";
import type { IngestArtefact } from "../ingest/schema.ts";
import type { ProjectionArtefact } from "../project/schema.ts";
import type { RepaymentArtefact } from "../repay/schema.ts";
import type { EvaluationSpec } from "../spec/schema.ts";
import { cumulativeLines, forestPlot, lovePlot, renderSvg, stackedBars } from "./charts.ts";
import { formatKr, formatNumber, texts, type Lang } from "./i18n.ts";
import { count, countsOfTotal, isSmall, shareOf, type Cell } from "./suppression.ts";
import { escapeHtml, tableCsv, type Table } from "./table.ts";
import { pilotDesign } from "../design/pilotDesign.ts";
import { discloseTables, type Disclosure } from "./disclosure/discloseTables.ts";
import { Placeholders } from "./disclosure/placeholders.ts";
import { contractStatusTable, ledgerTable, repaymentChangeRows, repaymentSummaryRows } from "./repaymentTables.ts";
import { planStatusHtml } from "./planStatus.ts";
import type { PlanStatus } from "../spec/analysisPlan.ts";
import { survivalSection } from "./sections/survival.ts";
import { reportAs } from "../estimate/estimators.ts";

export interface RunArtefacts {
  readonly ingest: IngestArtefact;
  readonly assignment: AssignmentArtefact | null;
  readonly effects: EffectsArtefact | null;
  readonly projection: ProjectionArtefact | null;
  readonly repayment: RepaymentArtefact | null;
}

export interface ReportInput {
  readonly lang: Lang;
  readonly minCell: number;
  readonly spec: EvaluationSpec;
  readonly run: RunArtefacts;
  readonly previous: { readonly label: string; readonly run: RunArtefacts } | null;
  /** Inputs with their SHA-256, seeds and versions, from the manifest. */
  readonly manifest: { readonly inputs: readonly { file: string; sha256: string }[]; readonly seeds: Readonly<Record<string, number>>; readonly versions: Readonly<Record<string, string>> };
  /** The spec against its locked analysis plan (absent: not compared). */
  readonly plan?: PlanStatus;
}

export interface Report {
  readonly html: string;
  readonly statusHtml: string;
  readonly tables: ReadonlyMap<string, string>;
  /** The tables as published, after the disclosure engine. */
  readonly disclosed: readonly Table[];
}

const SECTIONS = ["summary", "consort", "balance", "effects", "design", "savings", "repayment", "published", "quality", "methods", "manifest", "status", "changes"] as const;
type SectionId = (typeof SECTIONS)[number];

export async function buildReport(input: ReportInput): Promise<Report> {
  const { lang, minCell, run } = input;
  const t = texts(lang);
  const tables: Table[] = [];
  let disclosed: Disclosure | null = null;
  const sections = new Map<SectionId, string>();
  // Every table is disclosed at the end (src/report/disclosure/): the HTML holds placeholders until then.
  const later = new Placeholders();
  const add = (table: Table) => {
    tables.push(table);
    return later.table(table);
  };
  const primary = input.spec.primaryOutcome ?? input.spec.outcomes[0]!.id;
  const labelOf = new Map(run.ingest.outcomes.map((o) => [o.id, o.label]));

  // Summary
  const dim = run.effects?.estimates.find((e) => e.outcome === primary && e.estimator === "difference_in_means") ?? null;
  const trialCase = run.projection?.cases.find((c) => c.notProjected === null && c.published.length === 0) ?? null;
  const summary: Table = {
    id: "summary",
    columns: [{ key: "figure", label: t("figure"), kind: "text" }, { key: "value", label: t("value"), kind: "text" }],
    rows: [
      { figure: t("asOf"), value: run.ingest.asOf },
      { figure: t("intake"), value: String(count(run.ingest.persons, minCell)) },
      ...(run.assignment ? run.assignment.consort.arms.map((a) => ({ figure: `${t("randomised")}: ${a.arm}`, value: String(count(a.randomised, minCell)) })) : []),
      ...(dim && !isSmall(dim.n_treated, minCell) && !isSmall(dim.n_control, minCell)
        ? [{ figure: `${t("effects")}: ${labelOf.get(primary) ?? primary}`, value: `${formatNumber(lang, dim.estimate, 3)} (${t("ci")} ${formatNumber(lang, dim.conf_low, 3)} – ${formatNumber(lang, dim.conf_high, 3)}; p = ${formatNumber(lang, dim.p_value, 3)})` }]
        : []),
      ...(trialCase ? [{ figure: `${t("savings")} (${trialCase.name})`, value: formatKr(lang, trialCase.scenarios[0]!.totals.society) }] : []),
      ...(run.repayment ? repaymentSummaryRows(run.repayment, lang, t) : []),
    ],
  };
  sections.set("summary", `${input.plan ? planStatusHtml(input.plan, t) : ""}${add(summary)}<p class="note">${escapeHtml(t("suppressedNote", { n: minCell }))}</p>`);

  // CONSORT
  if (run.assignment) {
    const c = run.assignment.consort;
    const rows: Record<string, Cell>[] = [{ stage: t("assessed"), arm: null, n: count(c.assessed, minCell) }, { stage: t("excluded"), arm: null, n: count(c.excluded.total, minCell) }];
    // Why persons were excluded, by rule (conflicting_rows: listed twice with other values), suppressed within the total.
    const reasons = Object.entries(c.excluded.byRule);
    const reasonCells = countsOfTotal(reasons.map(([, n]) => n), minCell);
    const reasonRows: Record<string, Cell>[] = reasons.map(([rule], i) => ({ stage: `${t("excluded")}: ${rule}`, arm: null, n: reasonCells[i]! }));
    const boxes: string[] = [];
    for (const arm of c.arms) {
      const lost = countsOfTotal([arm.lostToFollowUp.followUpIncomplete, arm.lostToFollowUp.emigrated, arm.lostToFollowUp.died, arm.lostToFollowUp.other, arm.lostToFollowUp.extractCoverage, arm.incomplete.total], minCell);
      const receivedPair = arm.receivedAllocated === null ? [null, null] : countsOfTotal([arm.receivedAllocated, arm.didNotReceiveAllocated!], minCell);
      const armRows: Record<string, Cell>[] = [
        { stage: t("randomised"), arm: arm.arm, n: count(arm.randomised, minCell) },
        { stage: t("received"), arm: arm.arm, n: receivedPair[0] ?? null },
        { stage: t("notReceived"), arm: arm.arm, n: receivedPair[1] ?? null },
        { stage: `${t("lost")}: ${t("followUpIncomplete")}`, arm: arm.arm, n: lost[0]! },
        { stage: `${t("lost")}: ${t("emigrated")}`, arm: arm.arm, n: lost[1]! },
        { stage: `${t("lost")}: ${t("died")}`, arm: arm.arm, n: lost[2]! },
        { stage: `${t("lost")}: ${t("other")}`, arm: arm.arm, n: lost[3]! },
        { stage: `${t("lost")}: ${t("extractCoverage")}`, arm: arm.arm, n: lost[4]! },
        { stage: t("incompleteData"), arm: arm.arm, n: lost[5]! },
        { stage: t("analysed"), arm: arm.arm, n: count(arm.analysed, minCell) },
      ];
      rows.push(...armRows);
      boxes.push(`<div class="consort-arm"><h3>${escapeHtml(arm.arm)}</h3>${armRows.map((r) => `<div class="box"><span>${escapeHtml(String(r.stage))}</span><b>${later.cell(r, "n")}</b></div>`).join('<div class="arrow">↓</div>')}</div>`);
    }
    rows.splice(2, 0, ...reasonRows);
    const consort: Table = { id: "consort", columns: [{ key: "stage", label: t("consort"), kind: "text" }, { key: "arm", label: t("arm"), kind: "text" }, { key: "n", label: "n", kind: "count" }], rows };
    tables.push(consort);
    sections.set(
      "consort",
      `<div class="consort"><div class="box top"><span>${escapeHtml(t("assessed"))}</span><b>${later.cell(rows[0]!, "n")}</b></div><div class="box top"><span>${escapeHtml(t("excluded"))}</span><b>${later.cell(rows[1]!, "n")}</b></div>${reasonRows.map((r) => `<div class="box top"><span>${escapeHtml(String(r.stage))}</span><b>${later.cell(r, "n")}</b></div>`).join("")}<div class="consort-arms">${boxes.join("")}</div></div>`,
    );
  }

  // Balance
  if (run.assignment) {
    const rows: Record<string, Cell>[] = [];
    const love: { label: string; smd: number }[] = [];
    for (const r of run.assignment.balance.rows) {
      const [a, c] = r.arms as [(typeof r.arms)[number], (typeof r.arms)[number]];
      const categorical = r.type !== "continuous";
      const hide = categorical && (shareOf(a.mean, a.n, minCell) || shareOf(c.mean, c.n, minCell));
      const label = `${r.covariate}${r.level === null ? "" : ` = ${r.level}`}`;
      rows.push({
        comparison: r.comparison,
        covariate: label,
        n_arm: count(a.n, minCell),
        mean_arm: hide ? `<${minCell}` : a.mean,
        sd_arm: hide ? null : a.sd,
        n_control: count(c.n, minCell),
        mean_control: hide ? `<${minCell}` : c.mean,
        sd_control: hide ? null : c.sd,
        smd: hide ? null : r.smd,
        p: r.p,
        flag: hide ? null : r.flagged ? t("yes") : "",
      });
      if (!hide && r.smd !== null) love.push({ label, smd: r.smd });
    }
    const balance: Table = {
      id: "balance",
      columns: [
        { key: "comparison", label: t("arm"), kind: "text" },
        { key: "covariate", label: t("covariate"), kind: "text" },
        { key: "n_arm", label: "n", kind: "count" },
        { key: "mean_arm", label: t("mean"), kind: "number", digits: 3 },
        { key: "sd_arm", label: t("sd"), kind: "number", digits: 3 },
        { key: "n_control", label: "n", kind: "count" },
        { key: "mean_control", label: t("mean"), kind: "number", digits: 3 },
        { key: "sd_control", label: t("sd"), kind: "number", digits: 3 },
        { key: "smd", label: t("smd"), kind: "number", digits: 3 },
        { key: "p", label: t("pValue"), kind: "p" },
        { key: "flag", label: t("flag"), kind: "text" },
      ],
      rows,
    };
    const omnibus: Table = {
      id: "balance_omnibus",
      columns: [{ key: "comparison", label: t("arm"), kind: "text" }, { key: "strata", label: "strata", kind: "text" }, { key: "chi_square", label: "χ²", kind: "number", digits: 3 }, { key: "df", label: "df", kind: "count" }, { key: "p", label: t("pValue"), kind: "p" }],
      rows: run.assignment.balance.omnibus.map((o) => ({ comparison: o.comparison, strata: o.strata, chi_square: o.chiSquare, df: o.df, p: o.p })),
    };
    const before = run.assignment.matching?.balanceBefore;
    const beforeTable: Table | null = before
      ? {
          id: "balance_before_matching",
          columns: [{ key: "covariate", label: t("covariate"), kind: "text" }, { key: "smd", label: `${t("smd")} (${lang === "da" ? "før matchning" : "before matching"})`, kind: "number", digits: 3 }, { key: "p", label: t("pValue"), kind: "p" }],
          rows: before.rows.map((r) => {
            const [a, c] = r.arms as [(typeof r.arms)[number], (typeof r.arms)[number]];
            const hide = r.type !== "continuous" && (shareOf(a.mean, a.n, minCell) || shareOf(c.mean, c.n, minCell));
            return { covariate: `${r.covariate}${r.level === null ? "" : ` = ${r.level}`}`, smd: hide ? `<${minCell}` : r.smd, p: r.p };
          }),
        }
      : null;
    const m = run.assignment.matching;
    const [matchedShown, unmatchedShown] = m ? countsOfTotal([m.matched, m.unmatched], minCell) : [];
    const matchingCounts = m
      ? lang === "da"
        ? ` Programdeltagere: ${count(m.programme, minCell)}, heraf matchet ${matchedShown} og uden sammenligningsperson ${unmatchedShown} (udeladt); sammenligningspulje ${count(m.pool, minCell)}, udtrukket ${count(m.drawn, minCell)}.`
        : ` Programme persons: ${count(m.programme, minCell)}, of whom ${matchedShown} matched and ${unmatchedShown} without a comparison person (left out); comparison pool ${count(m.pool, minCell)}, drawn ${count(m.drawn, minCell)}.`
      : "";
    const matchingText = !m
      ? ""
      : lang === "da"
        ? `Grovkornet eksakt matchning (coarsened exact matching) på ${m.variables.map((v) => v.replace("(bands at", "(grænser ved")).join(", ")}; præcis ${m.ratio} sammenligningsperson(er) pr. matchet programdeltager i hvert stratum, udtrukket tilfældigt uden tilbagelægning (seed ${m.seed}). Ikke randomiseret: forskellene er sammenhænge, ikke kausale effekter.`
        : m.description;
    const matchingNote = m ? `<p class="note">${escapeHtml(matchingText + matchingCounts)}</p>` : "";
    sections.set("balance", matchingNote + (beforeTable ? add(beforeTable) : "") + add(balance) + add(omnibus) + (love.length > 0 ? `<figure>${await renderSvg(lovePlot(love, run.assignment.balance.threshold, `${t("smd")} (love plot)`), lang)}</figure>` : ""));
  }

  // Effects
  if (run.effects) {
    // The effects table shows the estimators the one list marks for it (src/estimate/estimators.ts, reportAs).
    const shown = (estimator: string) => reportAs(estimator)?.effectsTable === true;
    const onReceived = (estimator: string) => reportAs(estimator)?.onReceived === true;
    const rows: Record<string, Cell>[] = [];
    const forest: { label: string; estimate: number; low: number; high: number; outcome: string; contrast: string }[] = [];
    for (const e of run.effects.estimates.filter((x) => shown(x.estimator))) {
      const events = (mean: number | null, n: number) => (mean === null ? false : shareOf(mean, n, minCell));
      const binary = run.ingest.outcomes.find((o) => o.id === e.outcome)?.type === "binary";
      const hide = isSmall(e.n_treated, minCell) || isSmall(e.n_control, minCell) || (binary && (events(e.mean_treated, e.n_treated) || events(e.mean_control, e.n_control)));
      const cellOf = (v: number | null | undefined): Cell => (hide ? `<${minCell}` : (v ?? null));
      rows.push({
        outcome: labelOf.get(e.outcome) ?? e.outcome,
        contrast: e.contrast,
        estimator: e.estimator,
        n_treated: count(e.n_treated, minCell),
        n_control: count(e.n_control, minCell),
        estimate: cellOf(e.estimate),
        conf_low: cellOf(e.conf_low),
        conf_high: cellOf(e.conf_high),
        p: hide ? null : e.p_value,
        p_holm: hide ? null : (e.p_value_holm ?? null),
        p_bh: hide ? null : (e.p_value_bh ?? null),
        relative: hide ? null : (e.relative_effect ?? null),
        // The CACE note names the shares who received the programme, which could count fewer than 5: the report gives the first-stage F only.
        // The estimator column keeps the id (the disclosure engine reads it); the note says what it is.
        note: onReceived(e.estimator)
          ? [t("cace"), e.first_stage_f === null || e.first_stage_f === undefined || hide ? "" : `${t("firstStageF")} ${formatNumber(lang, e.first_stage_f, 1)}`].filter(Boolean).join("; ")
          : [e.randomised === false ? (lang === "da" ? "ikke randomiseret" : "not randomised") : "", e.note ?? (e.estimator === "logistic" ? "odds ratio" : e.estimator === "poisson" ? "rate ratio" : "")].filter(Boolean).join("; "),
      });
      if (!hide && e.estimator === "difference_in_means" && e.estimate !== null && e.mean_control && e.conf_low !== null && e.conf_high !== null) {
        forest.push({ label: `${labelOf.get(e.outcome) ?? e.outcome}${run.effects.estimates.some((x) => x.contrast !== e.contrast) ? ` (${e.contrast})` : ""}`, estimate: e.estimate / e.mean_control, low: e.conf_low / e.mean_control, high: e.conf_high / e.mean_control, outcome: e.outcome, contrast: e.contrast });
      }
    }
    const effects: Table = {
      id: "effects",
      columns: [
        { key: "outcome", label: t("outcome"), kind: "text" },
        { key: "contrast", label: t("arm"), kind: "text" },
        { key: "estimator", label: t("estimator"), kind: "text" },
        { key: "n_treated", label: "n", kind: "count" },
        { key: "n_control", label: "n", kind: "count" },
        { key: "estimate", label: t("estimate"), kind: "number", digits: 3 },
        { key: "conf_low", label: t("ci"), kind: "number", digits: 3 },
        { key: "conf_high", label: "", kind: "number", digits: 3 },
        { key: "p", label: t("pValue"), kind: "p" },
        { key: "p_holm", label: t("holm"), kind: "p" },
        { key: "p_bh", label: t("bh"), kind: "p" },
        { key: "relative", label: t("relative"), kind: "percent" },
        { key: "note", label: t("note"), kind: "text" },
      ],
      rows,
    };
    const subgroups: Table = {
      id: "subgroups",
      columns: [{ key: "outcome", label: t("outcome"), kind: "text" }, { key: "subgroup", label: "subgroup", kind: "text" }, { key: "level", label: t("level"), kind: "text" }, { key: "n_treated", label: "n", kind: "count" }, { key: "n_control", label: "n", kind: "count" }, { key: "estimate", label: t("estimate"), kind: "number", digits: 3 }, { key: "p", label: t("pValue"), kind: "p" }],
      rows: run.effects.subgroups.map((s) => {
        const hide = isSmall(s.n_treated, minCell) || isSmall(s.n_control, minCell);
        return { outcome: s.outcome, subgroup: s.subgroup, level: s.level, n_treated: count(s.n_treated, minCell), n_control: count(s.n_control, minCell), estimate: hide ? `<${minCell}` : s.estimate, p: hide ? null : s.p_value };
      }),
    };
    const kpiTable: Table = {
      id: "kpis",
      columns: [{ key: "kpi", label: "KPI", kind: "text" }, { key: "arm", label: t("arm"), kind: "text" }, { key: "persons", label: "n", kind: "count" }, { key: "share", label: t("mean"), kind: "percent" }, { key: "low", label: t("ci"), kind: "percent" }, { key: "high", label: "", kind: "percent" }, { key: "threshold", label: "≥", kind: "percent" }, { key: "verdict", label: t("verdict"), kind: "text" }, { key: "certainty", label: t("note"), kind: "text" }],
      rows: run.effects.kpis.map((k) => {
        const hide = shareOf(k.share, k.persons, minCell);
        return { kpi: k.label, arm: k.arm ?? "", persons: count(k.persons, minCell), share: hide ? `<${minCell}` : k.share, low: hide ? null : (k.interval?.[0] ?? null), high: hide ? null : (k.interval?.[1] ?? null), threshold: k.threshold, verdict: k.verdict, certainty: k.certainty };
      }),
    };
    const designNote =
      run.effects.design === "randomised"
        ? ""
        : `<p class="note"><b>${escapeHtml(lang === "da" ? "Ikke randomiseret: sammenligning med en matchet gruppe. Forskellene er sammenhænge, ikke kausale effekter." : "Not randomised: a comparison with a matched group. The differences are associations, not causal effects.")}</b></p>`;
    sections.set(
      "effects",
      designNote + (kpiTable.rows.length > 0 ? add(kpiTable) : "") + add(effects) + (rows.some((r) => onReceived(String(r.estimator))) ? `<p class="note">${escapeHtml(t("caceAssumptions"))}</p>` : "") + (subgroups.rows.length > 0 ? add(subgroups) : "") + (forest.length > 0 ? later.figure("forest", async () => { const kept = forest.filter((f) => disclosed!.estimateShown(f.outcome, f.contrast)); return kept.length > 0 ? `<figure>${await renderSvg(forestPlot(kept, `${t("effects")}: ${t("relative")}`, t("relative")), lang)}</figure>` : ""; }) : ""),
    );
    const survival = await survivalSection(run.effects, labelOf, lang, minCell); // time-to-event outcomes: src/report/sections/survival.ts
    if (survival) sections.set("effects", `${sections.get("effects")}<h3>${escapeHtml(t("survivalHeading"))}</h3>${survival.tables.map(add).join("")}${survival.html}`);
  }

  // Savings
  if (run.projection) {
    const parts: string[] = [];
    const savingsRows: Record<string, Cell>[] = [];
    const netRows: Record<string, Cell>[] = [];
    for (const c of run.projection.cases) {
      if (c.notProjected !== null) {
        parts.push(`<p>${escapeHtml(`${c.title}: ${c.notProjected}`)}</p>`);
        continue;
      }
      const base = c.scenarios[0]!;
      const bars: { year: string; sector: string; kr: number }[] = [];
      const lines: { year: string; series: string; kr: number }[] = [];
      base.years.forEach((year, i) => {
        for (const sector of ["kommune", "region", "stat"] as const) {
          savingsRows.push({ case: c.name, year, sector, kr: base.savingsByYear[sector][i]! });
          bars.push({ year: String(year), sector, kr: base.savingsByYear[sector][i]! });
        }
        for (const series of ["kommune", "society"] as const) {
          const name = series === "society" ? (lang === "da" ? "samfund" : "society") : series;
          netRows.push({ case: c.name, year, series: name, kr: base.cumulativeNet[series][i]! });
          lines.push({ year: String(year), series: name, kr: base.cumulativeNet[series][i]! });
        }
      });
      parts.push(
        `<h3>${escapeHtml(c.title)}</h3><p>${escapeHtml(`${t("breakEven")}: kommune ${base.breakEven.year.kommune ?? "–"}, ${lang === "da" ? "samfund" : "society"} ${base.breakEven.year.society ?? "–"}; ROI ${formatNumber(lang, base.roi.gross.society, 2)}`)}</p>` +
          `<figure>${await renderSvg(stackedBars(bars, c.name, t("savingsKr")), lang)}</figure><figure>${await renderSvg(cumulativeLines(lines, c.name, t("cumulativeNet")), lang)}</figure>`,
      );
    }
    const savings: Table = { id: "savings", columns: [{ key: "case", label: "case", kind: "text" }, { key: "year", label: t("year"), kind: "count" }, { key: "sector", label: t("sector"), kind: "text" }, { key: "kr", label: t("savingsKr"), kind: "kr" }], rows: savingsRows };
    const net: Table = { id: "cumulative_net", columns: [{ key: "case", label: "case", kind: "text" }, { key: "year", label: t("year"), kind: "count" }, { key: "series", label: t("sector"), kind: "text" }, { key: "kr", label: t("cumulativeNet"), kind: "kr" }], rows: netRows };
    tables.push(savings, net);
    sections.set("savings", parts.join("\n"));

    const published: Table = {
      id: "published",
      columns: [{ key: "case", label: "case", kind: "text" }, { key: "figure", label: t("figure"), kind: "text" }, { key: "published", label: t("publishedValue"), kind: "number", digits: 2 }, { key: "reproduced", label: t("reproduced"), kind: "number", digits: 2 }, { key: "verdict", label: t("verdict"), kind: "text" }, { key: "nearest", label: "nearest", kind: "text" }, { key: "note", label: t("note"), kind: "text" }],
      rows: run.projection.cases.flatMap((c) =>
        c.published.map((p) => ({
          case: c.name,
          figure: `${p.label} — ${p.printed}`,
          published: p.published,
          reproduced: p.reproduced,
          verdict: p.verdict === "reproduced" ? t("reproducedWord") : t("differsWord"),
          nearest: p.nearest.map((n) => `${n.label}: ${formatNumber(lang, n.value, 2)}`).join("; "),
          note: p.note ?? "",
        })),
      ),
    };
    sections.set("published", add(published));
  }

  // Repayment
  if (run.repayment) {
    const ledger = ledgerTable(run.repayment, lang, t);
    const lines: Table = {
      id: "repayment_lines",
      columns: [{ key: "contract", label: t("contract"), kind: "text" }, { key: "period", label: t("period"), kind: "text" }, { key: "item", label: t("figure"), kind: "text" }, { key: "basis", label: "basis", kind: "text" }, { key: "amount", label: t("computedAmount"), kind: "kr" }, { key: "note", label: t("note"), kind: "text" }],
      rows: run.repayment.contracts.flatMap((c) =>
        c.lines.map((l) => ({
          contract: c.name,
          period: l.period,
          item: l.item,
          basis: Object.entries(l.basis).map(([k, v]) => `${k} = ${v === null ? `<${minCell}` : k.startsWith("n_") || k.startsWith("persons") ? String(count(v, minCell)) : formatNumber(lang, v, Number.isInteger(v) ? 0 : 3)}`).join("; "),
          amount: l.suppressed ? `<${minCell}` : l.amount,
          note: l.illustrative ? t("illustrativeMark") : "",
        })),
      ),
    };
    const portfolio = run.repayment.portfolio as { checks: { what: string; published: number; computed: number; ok: boolean; note: string | null }[] } | null;
    const portfolioTable: Table | null = portfolio
      ? { id: "portfolio_checks", columns: [{ key: "what", label: t("figure"), kind: "text" }, { key: "published", label: t("publishedValue"), kind: "number", digits: 2 }, { key: "computed", label: t("reproduced"), kind: "number", digits: 2 }, { key: "ok", label: t("verdict"), kind: "text" }, { key: "note", label: t("note"), kind: "text" }], rows: portfolio.checks.map((c) => ({ what: c.what, published: c.published, computed: c.computed, ok: c.ok ? t("reproducedWord") : t("differsWord"), note: c.note ?? "" })) }
      : null;
    const limits = run.repayment.contracts.filter((c) => c.savingLimit !== null);
    const limitTable: Table | null =
      limits.length > 0
        ? {
            id: "saving_limits",
            columns: [{ key: "contract", label: t("contract"), kind: "text" }, { key: "limit", label: t("savingLimit"), kind: "kr" }, { key: "before", label: t("computedAmount"), kind: "kr" }, { key: "total", label: t("contractTotal"), kind: "kr" }, { key: "holds", label: t("verdict"), kind: "text" }, { key: "note", label: t("note"), kind: "text" }],
            rows: limits.map((c) => ({ contract: c.name, limit: c.savingLimit!.limit, before: c.savingLimit!.beforeLimit, total: c.savingLimit!.total, holds: c.savingLimit!.holds ? t("yes") : t("no"), note: c.savingLimit!.source })),
          }
        : null;
    sections.set("repayment", `<p class="note">${escapeHtml(`${t("asOf")} ${run.repayment.contracts[0]?.asOf ?? run.ingest.asOf}`)}</p>` + add(ledger) + add(lines) + (limitTable ? add(limitTable) : "") + (portfolioTable ? add(portfolioTable) : ""));
  }

  // Pilot design (power, detectable and break-even effects)
  const designSpec = input.spec.pilotDesign;
  if (designSpec) {
    const perArm = designSpec.personsPerArm ?? Math.min(...(run.assignment?.consort.arms.map((a) => a.randomised) ?? [2]));
    const projection = designSpec.case ? run.projection?.cases.find((c) => c.name === designSpec.case && c.notProjected === null) : undefined;
    const design = pilotDesign(
      { n: Math.max(2, perArm), base: designSpec.base, target: designSpec.target ?? null, alpha: designSpec.alpha, power: designSpec.power },
      projection && designSpec.statedEffect ? { projection, statedEffect: designSpec.statedEffect } : null,
    );
    const designTable: Table = {
      id: "pilot_design",
      columns: [{ key: "figure", label: t("figure"), kind: "text" }, { key: "value", label: t("value"), kind: "text" }],
      rows: [
        { figure: `${t("outcome")}`, value: labelOf.get(designSpec.outcome) ?? designSpec.outcome },
        { figure: "n", value: formatNumber(lang, design.n) },
        { figure: "base", value: `${formatNumber(lang, 100 * design.base, 1)} %` },
        ...(design.powerAtTarget !== null ? [{ figure: `power → ${formatNumber(lang, 100 * designSpec.target!, 1)} %`, value: `${formatNumber(lang, 100 * design.powerAtTarget, 1)} %` }, { figure: "n (80 %)", value: formatNumber(lang, Math.ceil(design.personsPerArmForTarget!)) }] : []),
        { figure: "MDE", value: `${formatNumber(lang, 100 * design.minimumDetectableEffect, 1)} pp` },
        ...(design.breakEven ? [{ figure: `break-even (${design.breakEven.case})`, value: design.breakEven.explanation }] : []),
      ],
    };
    sections.set("design", add(designTable));
  }

  // Data quality
  const quality: Table = {
    id: "data_quality",
    columns: [
      { key: "extract", label: t("extract"), kind: "text" },
      { key: "file", label: t("file"), kind: "text" },
      { key: "rows_read", label: t("rowsRead"), kind: "count" },
      { key: "accepted", label: t("accepted"), kind: "count" },
      { key: "quarantined", label: t("rejectedRows"), kind: "count" },
      { key: "not_in_population", label: t("notInPopulation"), kind: "count" },
      { key: "coverage", label: t("coverage"), kind: "text" },
      { key: "rules", label: "rules", kind: "text" },
    ],
    rows: run.ingest.extracts.map((e) => {
      const cells = countsOfTotal([e.rowsAccepted, e.rowsRejected, e.rowsForPersonsNotInPopulation], minCell);
      const coverage = e.coverage ? `${e.coverage.from ?? "…"} – ${e.coverage.to} (${t(e.coverage.source === "declared" ? "coverageDeclared" : "coverageInferred")})` : "";
      return { extract: e.name, file: e.file, rows_read: count(e.rowsRead, minCell), accepted: cells[0]!, quarantined: cells[1]!, not_in_population: cells[2]!, coverage, rules: Object.entries(e.issuesByRule).map(([rule, n]) => `${rule}: ${count(n, minCell)}`).join("; ") };
    }),
  };
  const censoring: Table = {
    id: "censoring",
    columns: [{ key: "outcome", label: t("outcome"), kind: "text" }, { key: "observed", label: t("observed"), kind: "count" }, { key: "censored", label: t("censored"), kind: "count" }, { key: "incomplete", label: t("incomplete"), kind: "count" }, { key: "not_applicable", label: "n/a", kind: "count" }],
    rows: run.ingest.outcomes.map((o) => {
      const cells = countsOfTotal([o.observed, o.censored, o.incomplete, o.notApplicable], minCell);
      return { outcome: o.label, observed: cells[0]!, censored: cells[1]!, incomplete: cells[2]!, not_applicable: cells[3]! };
    }),
  };
  // Per outcome and arm, every status (censored and incomplete by reason); small cells suppressed within each arm's total.
  const byArm: Table = {
    id: "outcome_status_by_arm",
    columns: [{ key: "outcome", label: t("outcome"), kind: "text" }, { key: "arm", label: t("arm"), kind: "text" }, { key: "status", label: t("outcomeStatus"), kind: "text" }, { key: "n", label: "n", kind: "count" }],
    rows: (run.assignment?.consort.outcomeStatusByArm ?? []).flatMap((row) => {
      const entries = Object.entries(row.byStatus);
      const cells = countsOfTotal(entries.map(([, n]) => n), minCell);
      return entries.map(([status, _n], i) => ({ outcome: labelOf.get(row.outcome) ?? row.outcome, arm: row.arm, status, n: cells[i]! }));
    }),
  };
  const ignored = run.ingest.extracts.filter((e) => e.onRejectedRow === "ignore").map((e) => e.name);
  const notes = [
    ...(ignored.length > 0 ? [`<p class="note"><b>${escapeHtml(t("rejectedIgnored", { names: ignored.join(", ") }))}</b></p>`] : []),
    ...(run.ingest.warnings.length > 0 ? [`<h3>${escapeHtml(t("warnings"))}</h3><ul>${run.ingest.warnings.map((w) => `<li>${escapeHtml(w.message)}</li>`).join("")}</ul>`] : []),
  ].join("");
  sections.set("quality", notes + add(quality) + add(censoring) + (byArm.rows.length > 0 ? `<h3>${escapeHtml(t("statusByArm"))}</h3>` + add(byArm) : ""));

  // Methods
  sections.set("methods", methodNotes(lang));

  // Manifest
  const manifestTable: Table = {
    id: "manifest_inputs",
    columns: [{ key: "file", label: t("file"), kind: "text" }, { key: "sha256", label: t("sha256"), kind: "text" }],
    rows: [
      ...input.manifest.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
      ...Object.entries(input.manifest.seeds).map(([k, v]) => ({ file: `seed: ${k}`, sha256: String(v) })),
      ...Object.entries(input.manifest.versions).map(([k, v]) => ({ file: `version: ${k}`, sha256: v })),
    ],
  };
  sections.set("manifest", add(manifestTable));

  // Status (002's half-yearly shape)
  const status = statusTable(input, t);
  const contractStatus = run.repayment ? contractStatusTable(run.repayment, t) : null;
  sections.set("status", add(status) + (contractStatus ? add(contractStatus) : ""));

  // Changes since the previous run
  if (input.previous) sections.set("changes", `<p>${escapeHtml(`${t("previous")}: ${input.previous.label}`)}</p>` + add(changesTable(input, t)));

  const body = SECTIONS.filter((id) => sections.has(id))
    .map((id) => `<section id="${id}"><h2>${escapeHtml(t(id === "quality" ? "quality" : id))}</h2>\n${sections.get(id)}\n</section>`)
    .join("\n");
  const title = `${t("title")}: ${input.spec.title ?? input.spec.name}`;
  // The changes section shows of the previous run only what its own report showed: disclose that report's tables too.
  const previousTables = input.previous ? (await buildReport({ ...input, run: input.previous.run, previous: null })).disclosed : null;
  disclosed = discloseTables(tables, { lang, minCell, run, previous: input.previous?.run ?? null, previousTables });
  const html = await later.fill(page(lang, title, `<p>${escapeHtml(`${t("asOf")} ${run.ingest.asOf}`)}</p>\n${body}`), tables, disclosed.tables, lang);
  const statusHtml = await later.fill(page(lang, `${t("status")}: ${input.spec.title ?? input.spec.name}`, `<section id="status">${later.table(status)}${contractStatus ? `<h2>${escapeHtml(t("contractStatus"))}</h2>${later.table(contractStatus)}` : ""}</section>`), tables, disclosed.tables, lang);
  return { html, statusHtml, tables: new Map(disclosed.tables.map((tb) => [`${tb.id}.csv`, tableCsv(tb)])), disclosed: disclosed.tables };
}

function statusTable(input: ReportInput, t: ReturnType<typeof texts>): Table {
  const { run, minCell } = input;
  const planned = input.spec.report?.plannedIntakePerYear;
  const from = Date.parse(input.spec.enrolment.from);
  const until = Math.min(Date.parse(run.ingest.asOf), Date.parse(input.spec.enrolment.to));
  const plannedSoFar = planned === undefined ? null : Math.round((planned * Math.max(0, until - from)) / (365.25 * 86_400_000));
  const primary = input.spec.primaryOutcome ?? input.spec.outcomes[0]!.id;
  const dim = run.effects?.estimates.find((e) => e.outcome === primary && e.estimator === "difference_in_means");
  const failed = run.assignment?.checks.filter((c) => c.passed === false).map((c) => c.id) ?? [];
  const rows: Record<string, Cell>[] = [
    {
      project: input.spec.title ?? input.spec.name,
      intake: count(run.ingest.persons, minCell),
      planned: plannedSoFar,
      trial: run.assignment ? `${run.assignment.persons.assigned} / ${run.assignment.persons.enrolled}${failed.length > 0 ? `; ${failed.join(", ")}` : ""}` : "–",
      effect: dim && dim.estimate !== null && !isSmall(dim.n_treated, minCell) && !isSmall(dim.n_control, minCell) ? `${primary}: ${dim.estimate.toFixed(3)} (p = ${dim.p_value?.toFixed(3)})` : "–",
    },
  ];
  return {
    id: "status",
    columns: [{ key: "project", label: t("project"), kind: "text" }, { key: "intake", label: t("intake"), kind: "count" }, { key: "planned", label: t("planned"), kind: "count" }, { key: "trial", label: t("randomised"), kind: "text" }, { key: "effect", label: t("effects"), kind: "text" }],
    rows,
  };
}

function changesTable(input: ReportInput, t: ReturnType<typeof texts>): Table {
  const { run, minCell } = input;
  const prev = input.previous!.run;
  const rows: Record<string, Cell>[] = [
    { figure: t("intake"), previous: count(prev.ingest.persons, minCell), current: count(run.ingest.persons, minCell) },
    ...run.ingest.outcomes.map((o) => ({ figure: `${t("observed")}: ${o.label}`, previous: count(prev.ingest.outcomes.find((p) => p.id === o.id)?.observed ?? null, minCell), current: count(o.observed, minCell) })),
  ];
  for (const e of run.effects?.estimates.filter((x) => x.estimator === "difference_in_means") ?? []) {
    const before = prev.effects?.estimates.find((p) => p.outcome === e.outcome && p.contrast === e.contrast && p.estimator === e.estimator);
    const small = (x: { n_treated: number; n_control: number } | undefined) => x !== undefined && (isSmall(x.n_treated, minCell) || isSmall(x.n_control, minCell));
    rows.push({ figure: `${t("estimate")}: ${e.outcome} (${e.contrast})`, previous: small(before) ? `<${minCell}` : (before?.estimate ?? null), current: small(e) ? `<${minCell}` : e.estimate });
  }
  if (run.repayment) rows.push(...repaymentChangeRows(run.repayment, prev.repayment, input.lang, t));
  return { id: "changes", columns: [{ key: "figure", label: t("figure"), kind: "text" }, { key: "previous", label: t("previous"), kind: "number", digits: 3 }, { key: "current", label: t("current"), kind: "number", digits: 3 }, { key: "note", label: t("note"), kind: "text" }], rows };
}

function methodNotes(lang: Lang): string {
  const da = [
    "Effekter er intention-to-treat: hver gruppe sammenlignes med kontrolgruppen på de personer, der er tildelt de to grupper.",
    "Forskel i gennemsnit med Welch-standardfejl; OLS, OLS med baggrundsvariable og Lins estimator med HC2-robuste standardfejl (som R's estimatr); binære udfald også med Pearsons χ², Fishers eksakte test og logistisk regression; tælleudfald med Poisson-rateforhold og robuste standardfejl; randomiseringsinferens inden for designets strata. Det blokkede estimat og randomiseringsinferensen betinger på de strata, lodtrækningen faktisk brugte: hver periode (batch) × blok, ikke designets blokke alene.",
    "p-værdier er justeret for flere udfald med Holm og Benjamini–Hochberg inden for hver sammenligning og estimator.",
    "Opfølgningsvinduer regnes fra hver persons egen startdato; et vindue, der slutter efter opgørelsesdatoen eller en udvandring/død, er censureret.",
    "Besparelser = effekt × enhedspris × kohortestørrelse × sektorandel × aftagning; ingen diskontering, medmindre antagelsesfilen siger andet.",
    "Alle tal kan spores til kørslens artefakter (ingest.json, assignment.json, effects.json, projection.json, repayment.json).",
  ];
  const en = [
    "Effects are intention-to-treat: each arm is compared with the control arm on the persons assigned to the two.",
    "Difference in means with Welch standard errors; OLS, OLS with covariates and Lin's estimator with HC2 robust standard errors (as R's estimatr); binary outcomes also with Pearson's χ², Fisher's exact test and logistic regression; counts with a Poisson rate ratio and robust standard errors; randomisation inference within the design's strata. The blocked estimate and randomisation inference condition on the strata the allocation actually used: each batch × block, not the design's blocks alone.",
    "p-values are adjusted for several outcomes with Holm and Benjamini–Hochberg within each contrast and estimator.",
    "Follow-up windows are counted from each person's own start date; a window that ends after the as-of date, or after emigration or death, is censored.",
    "Savings = effect × unit price × cohort size × sector share × decay; no discounting unless the assumption file says otherwise.",
    "Every figure can be traced to the run's artefacts (ingest.json, assignment.json, effects.json, projection.json, repayment.json).",
  ];
  return `<ul>${(lang === "da" ? da : en).map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`;
}

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #1f5f8b;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
th{background:#eef3f7;text-align:left}td.count,td.number,td.kr,td.p,td.percent{text-align:right;white-space:nowrap}
.note{color:#555;font-size:.9em}figure{margin:1em 0}
.consort{display:flex;flex-direction:column;align-items:center}.consort-arms{display:flex;gap:2em;margin-top:1em}
.consort-arm{display:flex;flex-direction:column;align-items:center}.box{border:1px solid #1f5f8b;border-radius:4px;padding:.4em .8em;margin:.2em;min-width:14em;display:flex;justify-content:space-between;gap:1em;background:#f7fafc}
.arrow{color:#1f5f8b}`;

function page(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
