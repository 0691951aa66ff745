/**
 * How much of an input effekt reads before it stops: the bounds that keep a hostile or broken file (a sheet that
 * declares a cell at XFD1048576, a zip bomb, a 200 MB field) from taking the machine's memory. Each is checked
 * before the thing it bounds is materialised, and each refusal is exit 1 with a message naming the file and the
 * limit (src/messages.ts), never the content. README ("Reliability": bounded resources) states them and the
 * memory they keep a run within.
 */

/**
 * Bytes in one line of a CSV extract or table, and so in any one field of it. The fast reader counts a line's bytes
 * with its delimiters; csv-parse counts its fields' bytes as UTF-8 (whatever the file's encoding).
 */
export const MAX_LINE_BYTES = 1_048_576;

/**
 * Cells a sheet may span: rows × columns of the area from A1 to its last cell, and of the area its `<dimension ref>`
 * declares. read-excel-file holds a sheet whole: a million cells take it about 0.5 GB (measured); larger data go as CSV.
 */
export const MAX_SHEET_CELLS = 1_000_000;

/** Bytes one part of an .xlsx workbook (a sheet, the shared strings, the styles …) may unpack to (a million cells are about 36 MB of sheet). */
export const MAX_XLSX_PART_BYTES = 64 * 1_048_576;

/** Bytes all the parts effekt reads from one workbook may unpack to together. */
export const MAX_XLSX_TOTAL_BYTES = 96 * 1_048_576;

/** Unpacked bytes per packed byte a part over 1 MiB may have (real sheets pack 5–15 to one; a zip bomb about 1,000). */
export const MAX_XLSX_RATIO = 100;

/** Parts of at most this many unpacked bytes are not held to MAX_XLSX_RATIO (small parts cannot be bombs). */
export const XLSX_RATIO_FROM_BYTES = 1_048_576;

/** Bytes of a JSON or text input read whole (the spec, contracts, assumptions, portfolio, settlements, outcome tables): such files are kilobytes. */
export const MAX_DOCUMENT_BYTES = 64 * 1_048_576;
