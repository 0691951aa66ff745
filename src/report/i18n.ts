/**
 * The report's words in the report's language, and number formatting for each (1.950.000 kr. / 1,950,000 kr). The
 * words themselves are data in words/da.ts and words/en.ts; this file looks them up. The report parses no text: a
 * stage writes codes and ids, and every code and id has its words there.
 */
import type { CheckId } from "../assign/schema.ts";
import type { EstimatorId } from "../estimate/estimators.ts";
import type { InteractionTest } from "../estimate/schema.ts";
import type { ExtractKind } from "../ingest/extractKinds.ts";
import type { Rule } from "../messages.ts";
import { LEDGER_ITEM_CODES, type LedgerItemCode, type RiskMethod, type TermKind } from "../repay/schema.ts";
import { labelIn, type Label } from "../shared/label.ts";
import type { Note } from "../shared/note.ts";
import { IDS_DA, TEXT_DA } from "./words/da.ts";
import { IDS_EN, TEXT_EN } from "./words/en.ts";
import { BASIS_KEYS, OUTCOME_STATUSES, type BasisKey, type IdWords, type Lang, type NoteFormat, type OutcomeStatus } from "./words/types.ts";

export type { Lang } from "./words/types.ts";

const TEXT: Readonly<Record<Lang, Readonly<Record<TextKey, string>>>> = { da: TEXT_DA, en: TEXT_EN };
const IDS: Readonly<Record<Lang, IdWords>> = { da: IDS_DA, en: IDS_EN };

export type TextKey = keyof typeof TEXT_DA;

/** English has every Danish key (the compiler names a missing one). */
export const ENGLISH_HAS_EVERY_KEY: Readonly<Record<TextKey, string>> = TEXT_EN;

export function texts(lang: Lang) {
  return (key: TextKey, values: Record<string, string | number> = {}) =>
    TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** A number as the language writes it; null and NaN as an en dash. */
export function formatNumber(lang: Lang, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatKr(lang: Lang, value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${formatNumber(lang, value, 0)} ${lang === "da" ? "kr." : "kr"}`;
}

/** p-values: three significant digits, "< 0,001" below 0.001. */
export function formatP(lang: Lang, p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "–";
  if (p < 0.001) return `< ${formatNumber(lang, 0.001, 3)}`;
  return formatNumber(lang, p, 3);
}

/** How notes write their parameters in a language; arms in words by the caller's `arm` (its id when not given). */
export function noteFormat(lang: Lang, arm: (id: string) => string = (id) => id): NoteFormat {
  const plain = new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 6 });
  return {
    number: (value, digits = 0) => formatNumber(lang, value, digits),
    plain: (value) => (Number.isFinite(value) ? plain.format(value) : "–"),
    kr: (value) => formatKr(lang, value),
    percent: (share, digits = 0) => `${formatNumber(lang, 100 * share, digits)} %`,
    arm,
    line: (line) => (line === null ? "" : lang === "da" ? ` (linje ${line})` : ` (line ${line})`),
  };
}

/** A note a stage wrote, in the report's language. */
export function noteText(lang: Lang, note: Note, format: NoteFormat = noteFormat(lang)): string {
  const words = IDS[lang].notes[note.code] as (params: Note["params"], format: NoteFormat) => string;
  return words(note.params, format);
}

/** Several notes, one sentence each, joined with "; ". */
export function notesText(lang: Lang, notes: readonly Note[] | undefined, format: NoteFormat = noteFormat(lang)): string {
  return (notes ?? []).map((n) => noteText(lang, n, format)).join("; ");
}

const isRule = (rule: string): rule is Rule => Object.hasOwn(IDS_DA.rules, rule);

/** A note, or a label a user's file gives in its place (the portfolio file's own notes); nothing for null. */
export function noteOrLabel(lang: Lang, value: Note | Label | null): string {
  if (value === null) return "";
  return typeof value === "object" && "code" in value ? noteText(lang, value) : labelIn(lang, value);
}

/** An ingest rule's name in the language; a rule the ingest stage does not write throws. */
export function ruleName(lang: Lang, rule: string): string {
  if (!isRule(rule)) throw new Error(`ruleName: unknown ingest rule ${rule}`);
  return IDS[lang].rules[rule];
}

const isEstimator = (id: string): id is EstimatorId => Object.hasOwn(IDS_DA.estimators, id);

/** An estimator's name in the language; an id that is no estimator throws. */
export function estimatorName(lang: Lang, estimator: string): string {
  if (!isEstimator(estimator)) throw new Error(`estimatorName: unknown estimator ${estimator}`);
  return IDS[lang].estimators[estimator];
}

const isStatus = (status: string): status is OutcomeStatus => (OUTCOME_STATUSES as readonly string[]).includes(status);

/** An outcome status (observed, censored:<reason>, …) in words; a status the ingest stage does not write throws. */
export function statusName(lang: Lang, status: string): string {
  if (!isStatus(status)) throw new Error(`statusName: unknown outcome status ${status}`);
  return IDS[lang].statuses[status];
}

const isBasisKey = (key: string): key is BasisKey => (BASIS_KEYS as readonly string[]).includes(key);

/** A ledger line's basis figure (n_treated, price, …) in words; a key the repay stage does not write throws. */
export function basisName(lang: Lang, key: string): string {
  if (!isBasisKey(key)) throw new Error(`basisName: unknown basis figure ${key}`);
  return IDS[lang].basis[key];
}

/** An allocation check in words, for the status page. */
export function checkName(lang: Lang, id: CheckId): string {
  return IDS[lang].checks[id];
}

export function extractKindName(lang: Lang, kind: ExtractKind): string {
  return IDS[lang].extractKinds[kind];
}

export const isLedgerItemCode = (item: string): item is LedgerItemCode => (LEDGER_ITEM_CODES as readonly string[]).includes(item);

export function ledgerItemName(lang: Lang, item: LedgerItemCode): string {
  return IDS[lang].ledgerItems[item];
}

export function termName(lang: Lang, term: TermKind): string {
  return IDS[lang].terms[term];
}

export function riskMethodName(lang: Lang, method: RiskMethod): string {
  return IDS[lang].riskMethods[method];
}

export function interactionMethodName(lang: Lang, method: InteractionTest["method"]): string {
  return IDS[lang].interactionMethods[method];
}
