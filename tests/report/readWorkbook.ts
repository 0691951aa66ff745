import { strFromU8, unzipSync } from "fflate";

/** A cell of a sheet as the file holds it: its type attribute, its value, and the number format its style points at. */
interface ReadCell {
  readonly ref: string;
  readonly type: string | null;
  readonly value: string;
  readonly format: string | null;
}

/** Reads a workbook back from its XML parts (no reader library): sheet names, and per sheet its cells with formats. */
export function readWorkbook(bytes: Uint8Array): { names: string[]; sheets: ReadCell[][] } {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]!);
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const names = [...text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]!));
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => unescape(m[1]!));
  const styles = text("xl/styles.xml");
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf ([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? null);
  const sheets = names.map((_, i) =>
    [...text(`xl/worksheets/sheet${i + 1}.xml`).matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)].map((m) => {
      const type = /t="(\w+)"/.exec(m[2]!)?.[1] ?? null;
      const style = /s="(\d+)"/.exec(m[2]!)?.[1];
      const numFmt = style === undefined ? null : xfs[Number(style)];
      return { ref: m[1]!, type, value: type === "s" ? shared[Number(m[3])]! : m[3]!, format: numFmt == null ? null : (formats.get(numFmt) ?? null) };
    }),
  );
  return { names, sheets };
}
