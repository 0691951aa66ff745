/** The HTML page around a report or status page: self-contained, its style inline, no script. */
import type { Lang } from "./i18n.ts";
import { escapeHtml } from "./table.ts";

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #1f5f8b;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
th{background:#eef3f7;text-align:left}td.count,td.number,td.kr,td.p,td.percent{text-align:right;white-space:nowrap}
.note{color:#555;font-size:.9em}figure{margin:1em 0}
.consort{display:flex;flex-direction:column;align-items:center}.consort-arms{display:flex;gap:2em;margin-top:1em}
.consort-arm{display:flex;flex-direction:column;align-items:center}.box{border:1px solid #1f5f8b;border-radius:4px;padding:.4em .8em;margin:.2em;min-width:14em;display:flex;justify-content:space-between;gap:1em;background:#f7fafc}
.arrow{color:#1f5f8b}`;

export function page(lang: Lang, title: string, body: string): string {
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
