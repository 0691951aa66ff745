/**
 * The HTML page around a report or status page: self-contained, its style inline, no script.
 * On screen nothing is wider than the page (tables wrap, figures shrink; on a narrow screen a wide table scrolls within itself); printed on A4 (`@page`), headings stay
 * with what follows them, table header rows repeat on every page, rows and figures are not split, and a table too
 * wide for a portrait page (class `wide`) is set smaller and may wrap inside its cells; one with very many columns
 * (class `landscape`) turns its section, heading and all, to landscape pages.
 */
import { texts, type Lang } from "./i18n.ts";
import { escapeHtml } from "./table.ts";

const SCREEN = `body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;counter-reset:table-number}
h1{font-size:1.6em}h2{border-bottom:2px solid #1f5f8b;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:1em 0;font-size:.85em;max-width:100%}th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
th{background:#eef3f7;text-align:left}span.word{white-space:nowrap}td.count,td.number,td.kr,td.p,td.percent,td.points{text-align:right;white-space:nowrap}
caption{caption-side:top;text-align:left;font-weight:bold;padding:.2em 0 .4em;color:#1f5f8b;counter-increment:table-number}
.note{color:#555;font-size:.9em}figure{margin:1em 0;max-width:100%}svg,img{max-width:100%;height:auto}
.consort{display:flex;flex-direction:column;align-items:center;max-width:100%}.consort-arms{display:flex;flex-wrap:wrap;gap:2em;margin-top:1em;justify-content:center}
.consort-arm{display:flex;flex-direction:column;align-items:center}.box{border:1px solid #1f5f8b;border-radius:4px;padding:.4em .8em;margin:.2em;min-width:14em;display:flex;justify-content:space-between;gap:1em;background:#f7fafc}
.arrow{color:#1f5f8b}
nav.contents{border:1px solid #ccc;background:#f7fafc;padding:.2em 1.2em .8em}nav.contents h2{border:0;margin-top:.6em}
nav.contents ol{padding-left:1.4em;margin:.2em 0}nav.contents a{color:#1f5f8b;text-decoration:none}nav.contents a:hover{text-decoration:underline}
table.wide{font-size:.75em}table.wide th,table.wide td{padding:.2em .3em}
pre,code{white-space:pre-wrap;overflow-wrap:anywhere}
@media screen{table.wide{display:block;overflow-x:auto}}`;

const PRINT = `@page{size:A4;margin:16mm 14mm 18mm}
@page landscape{size:A4 landscape;margin:14mm}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt}
h1{margin-top:0}
h2{margin-top:1.4em}
h1,h2,h3,caption{break-after:avoid;page-break-after:avoid;break-inside:avoid}
p,li{break-inside:avoid}p:has(+ table),p:has(+ figure){break-after:avoid}
table{font-size:8.5pt;width:100%;margin:.6em 0}
table.wide{font-size:7pt}
section:has(table.landscape){page:landscape}table.landscape{font-size:7.5pt}
thead{display:table-header-group;break-after:avoid}
tbody>tr:first-child{break-before:avoid}
tr,th,td{break-inside:avoid;page-break-inside:avoid}
figure,svg,.consort-arm,.box{break-inside:avoid;page-break-inside:avoid}
nav.contents{break-after:page;border:0;background:none;padding:0}
.consort{font-size:8pt}.consort .box{min-width:0}
a{color:inherit;text-decoration:none}
}`;

export function page(lang: Lang, title: string, body: string): string {
  // The table number before each caption ("Tabel 3. …"), in the report's language.
  const numbering = `caption::before{content:"${texts(lang)("tableWord")} " counter(table-number) ". "}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${SCREEN}
${numbering}
${PRINT}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}
