/** The text a reader sees in a report page (element text, SVG text, titles and aria labels), and the words of the other language in it. */

/** Every visible text: tags and style removed, entities decoded; aria-label, title and alt attributes included. */
export function visibleText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]!);
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<head[\s\S]*?<\/head>/g, (head) => (head.match(/<title>([\s\S]*?)<\/title>/)?.[1] ?? ""))
    // A word kept on one line, or a path's break after a slash (src/report/table.ts cellHtml), is one word to the reader.
    .replace(/<span class="word">([^<]*)<\/span>/g, "$1")
    .replace(/<wbr>/g, "")
    .replace(/<[^>]+>/g, " ");
  return [text, ...attributes]
    .join(" ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Words that are English and never Danish (nor names, file names or ids a Danish report may show). */
export const ENGLISH_WORDS = ["the", "and", "of", "with", "without", "control", "treatment", "days", "months", "year", "years", "follow-up", "met", "cap", "caps", "rules", "basis", "nearest", "subgroup", "none", "savings", "society", "estimate", "means", "only", "which", "is", "are", "log", "odds", "rate", "computed", "settled", "due", "provisional", "repaid", "terms", "reproduced", "differs", "share", "state", "within", "after", "before", "release", "education", "work", "outcomes", "not", "yes", "no", "figure", "value", "arm", "enrolled", "randomised", "matched", "received", "lost", "analysed", "excluded", "assessed", "period", "payment", "note", "rows", "n/a", "ratio", "difference", "cost", "people", "released"];

/** Words that are Danish and never English. */
export const DANISH_WORDS = ["og", "med", "uden", "ikke", "kontrolgruppe", "indsatsgruppe", "dage", "måneder", "år", "afregnet", "forfalden", "besparelse", "samfund", "gennemsnit", "udfald", "rækker", "personer", "efter", "før", "inden", "ingen", "mod", "randomiseret", "matchet", "opgjort", "udelukket", "tilbagebetaling", "kommunen"];

/** The words of `list` in `text`, each with a little context, so that a failing test says where. */
export function wordsFrom(text: string, list: readonly string[], allowed: readonly string[] = []): string[] {
  const cleaned = allowed.reduce((t, a) => t.split(a).join(" "), text);
  const found: string[] = [];
  const words = new Set(list.map((w) => w.toLowerCase()));
  for (const m of cleaned.matchAll(/[\p{L}][\p{L}\-/]*/gu)) {
    if (words.has(m[0].toLowerCase())) found.push(`${m[0]} in «${cleaned.slice(Math.max(0, m.index! - 40), m.index! + 40).trim()}»`);
  }
  return found;
}
