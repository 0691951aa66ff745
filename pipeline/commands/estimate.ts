/** `effekt estimate`: stage 3 on a spec, or the estimators on your own table (`--table`). */
import { runSpecCommand, SPEC_OPTIONS } from "./stages.ts";
import { estimateTableCommand, TABLE_OPTIONS } from "./estimateTable.ts";
import { text, type Command } from "./command.ts";

export const estimateCommand: Command = {
  name: "estimate",
  synopsis: `effekt estimate <spec.json> [--as-of YYYY-MM-DD] [--out DIR] stage 3 alone, from stages 1–2's artefacts
effekt estimate --table data.csv --treatment COL [--control VALUE] --outcomes a,b [--binary b]
       [--counts c --exposure COL] [--covariates x,y] [--categorical c=ref] [--missing-covariates stop|indicator|drop]
       [--blocks COL] [--clusters COL [--cluster-se CR2|CR1]] [--received COL] [--subgroups s]
       [--permutations 10000 --seed 1] [--confidence 0.95] --out DIR [--force]
       [--time COL --event COL [--at 90,180,365] [--tau T] [--ties efron|breslow]]
       [--looks T1,…,Tk | --information N [--looks T1,…]] [--spending obf|pocock|hsd:γ]
                                                        the estimators on your own person-level CSV`,
  help: `effekt estimate <spec.json> [--as-of YYYY-MM-DD] [--out DIR]
effekt estimate --table data.csv --treatment COL [--control VALUE] --outcomes a,b [options] --out DIR

Stage 3: intention-to-treat effects of every arm against the control arm, for every outcome:
difference in means (Welch; blocked as estimatr when blocked), OLS, OLS with covariates and
Lin's estimator (all HC2), risk difference / risk ratio / logistic odds ratio with Pearson χ²
and Fisher's exact p for binary outcomes, a Poisson rate ratio (robust SE; log exposure as
offset) for counts, randomisation inference, Holm and Benjamini–Hochberg adjusted p-values,
subgroup effects with an interaction test. Writes effects.json and effects.csv (tidy, one row per
estimate); with --table it also prints a summary table.

On a spec:
  --as-of YYYY-MM-DD  follow-up is counted up to and including this date (default: the spec's asOf)
  --out DIR           output folder (default: output/<spec name>): new, empty, or one effekt run wrote
  --force             take over a non-empty --out folder effekt did not write (its other files are kept)

With --table it reads your own CSV (',' ';' or tab; UTF-8 or Windows-1252; empty or NA = missing):
  --treatment COL     the arm of each person
  --control VALUE     the control arm (default: 0 in a 0/1 column, else the arm named control or kontrol)
  --outcomes a,b      outcome columns               --binary b        which outcomes are 0/1
  --counts c          which outcomes are counts     --exposure COL    exposure (e.g. years): log offset for counts
  --covariates x,y    numeric covariates            --blocks COL      design blocks (blocked estimator, permutation strata)
  --categorical c=ref categorical covariates, each expanded to 0/1 columns against its reference level
                      (after '='; default the first level in sorted order)
  --missing-covariates stop|indicator|drop
                      a person lacking a covariate value: stop naming the lines (default); mean-impute
                      with a 0/1 missingness indicator; or leave out of the adjusted estimators (counted)
  --clusters COL      the cluster of each person when whole clusters were randomised: cluster-robust SEs
  --cluster-se CR2|CR1  CR2 with Bell–McCaffrey df (default, estimatr's CR2), or CR1 (Stata's, df = clusters − 1)
  --received COL      0/1: who received the programme (the effect on those who received it, by IV: cace)
  --subgroups s       subgroup columns              --permutations N  randomisation draws (0 = none; default 10000)
  --seed S            seed for the draws (default 1)
  --time COL --event COL  a time-to-event outcome: time to the event or censoring, event 1 = event, 0 = censored
                      (Kaplan–Meier per arm, log-rank, Cox hazard ratio, RMST difference; as R's survival)
  --at 90,180,365     times to read the curves at   --tau T           RMST up to T (default: the shorter arm's follow-up)
  --ties breslow      Cox ties (default efron, as coxph)
  --confidence C      confidence level of the intervals, between 0 and 1 (default 0.95)
  --looks T1,…,Tk     a group-sequential analysis: the information fractions of the looks so far, this table
                      the last; writes sequential.json: per outcome's difference in means the boundary, its
                      nominal p, crossed or not, the repeated CI and (crossed or final) the stage-wise adjusted p;
                      α = 1 − confidence, two-sided
  --information N     the planned maximum in persons: this table's fraction is its persons with the outcome ÷ N,
                      and --looks lists only the earlier looks
  --spending S        α-spending for --looks: obf (default), pocock or hsd:γ
  --out DIR           where effects.json and effects.csv go (required): a new or empty folder, or one
                      estimate --table wrote before; a file there it did not write is never overwritten
  --force             take over a non-empty --out folder effekt did not write (its other files are kept)
  -h, --help          this help`,
  options: { ...SPEC_OPTIONS, ...TABLE_OPTIONS },
  run: (values, positionals) => (text(values, "table") !== undefined ? estimateTableCommand(values) : runSpecCommand("estimate", "estimate", values, positionals)),
};
