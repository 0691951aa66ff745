/**
 * Every message a person sees, in one place. Tests assert against these same
 * factories, so wording changes here and nowhere else.
 */
import type { ValuesToShow } from "./shared/valuesToShow.ts";

/*
 * A message never quotes a user's file: a header is described by its number of columns and the
 * spec's names it holds, a line by its number. Values of a column are listed only where the caller
 * decided they may be (src/shared/valuesToShow.ts: few, none like a CPR number); a message formats, it does not decide.
 */

/** `'a', 'b'` for values to list; `12 distinct values, not shown` otherwise. */
const listedValues = (shown: ValuesToShow) => ("listed" in shown ? shown.listed.map((v) => `'${v}'`).join(", ") : `${shown.count} distinct values, not shown`);

/** What a header holds, without its text: its number of columns and which of the names looked for it has. */
const headerHolds = (header: readonly string[], lookedFor: readonly string[]) => {
  const found = lookedFor.filter((name) => header.includes(name));
  const columns = `the header has ${header.length} column${header.length === 1 ? "" : "s"}`;
  const single = header.length === 1 ? " (is the delimiter right?)" : "";
  return found.length === 0 ? `${columns}${single}, none of them named as the spec names them` : `${columns}${single}; of the names looked for it holds ${found.map((c) => `'${c}'`).join(", ")}`;
};

/** At most three places, then how many more. */
const listOf = (items: readonly string[]) => items.slice(0, 3).join("; ") + (items.length > 3 ? `; and ${items.length - 3} more` : "");

export const messages = {
  specNotFound: (path: string) => `spec file not found: ${path}`,
  specNotJson: (path: string, reason: string) => `${path} is not valid JSON: ${reason}`,
  specInvalid: (path: string) => `${path} is not a valid evaluation spec:`,

  extractMissing: (extract: string) =>
    `required extract '${extract}' not found (set "required": false in the spec if the evaluation can do without it)`,
  extractOptionalMissing: (extract: string, file: string) => `optional extract '${extract}' not found (${file}); outcomes that need it are skipped`,
  extractEmpty: () => "the file is empty (no header line)",
  columnsMissing: (columns: readonly string[], header: readonly string[], lookedFor: readonly string[]) =>
    `the header lacks column${columns.length > 1 ? "s" : ""} ${columns.map((c) => `'${c}'`).join(", ")} named in the spec; ${headerHolds(header, lookedFor)}`,
  noWeekColumns: (pattern: string) => `no column matches the week-column pattern ${pattern}`,
  weekColumnInvalid: () => "the week column's name is not a valid ISO week (yyww)",
  cprRefused: () =>
    `values look like CPR numbers (6 digits starting with a valid day and month, then 4 digits, with or without a separator such as '-', ' ', '/' or '.'). ` +
    `effekt takes pseudonymised person ids only: pseudonymise or remove the column and run again.`,
  notUtf8: () =>
    `the file started as UTF-8 but holds bytes that are not; set "dialect": {"encoding": "windows-1252"} for this extract if that is what it is`,
  quarantineExceeded: (extract: string, quarantined: number, read: number, maxShare: number, quarantineFile: string) =>
    `extract '${extract}': ${quarantined} of ${read} rows quarantined (${((100 * quarantined) / Math.max(read, 1)).toFixed(2)} %), ` +
    `more than the spec's quarantine.maxShare of ${(100 * maxShare).toFixed(2)} %; see ${quarantineFile}`,
  benefitCodesMissing: () => `the spec reads benefit weeks but names no benefitCodes file`,
  unknownGroup: (where: string, group: string, known: readonly string[]) =>
    `${where}: benefit group '${group}' is not in the benefit-code file (groups there: ${known.join(", ")})`,
  outcomeNeedsExtract: (outcome: string, kinds: readonly string[]) =>
    `outcome or covariate '${outcome}' needs an extract of kind ${kinds.join(" or ")}, and the spec has none`,
  outcomeSkipped: (outcome: string) => `outcome '${outcome}' skipped: an extract it needs is missing`,
  tableColumnMissing: (column: string, header: readonly string[], lookedFor: readonly string[]) => `no column '${column}' (${headerHolds(header, lookedFor)})`,
  logHeaderDiffers: () => "its header (seed, algorithm, arms or blocks) differs from the spec's assignment; an existing log is only appended to under the same design",
  noAssignment: () => "the spec has no `assignment`: say how groups are randomised (mode randomise) or where an allocation is (mode existing)",
  noGroups: () => "the spec has no `assignment`, so there are no groups to compare",
  assignmentFailed: (checks: readonly string[]) => `the allocation records failed checks (${checks.join(", ")}): effects are not estimated from this allocation`,
  noAssumptions: () => "the spec names no assumption files (`assumptions`), so there is nothing to project",
  noContract: () => "the spec names no contract file (`contract`), so there is nothing to repay",
  outcomeTableHeader: () => "the header needs person_id and period columns",
  outcomeTableUnknown: (contractFile: string, unknown: readonly string[], columns: readonly string[]) =>
    `outcome(s) ${unknown.join(", ")} named by ${contractFile} are not columns of the table (it has ${columns.length} outcome column${columns.length === 1 ? "" : "s"} besides person_id, period and observed_on)`,
  outcomeTableCell: () => "the value is not 0, 1 or empty",
  outcomeTableUndated: (column: string) =>
    `the outcome table has no '${column}' column: add one giving the day each row was observed (yyyy-mm-dd, e.g. 2023-12-31), so that rows observed after the run's as-of date are not counted`,
  outcomeTableObservedOn: () => "the observation date is not a calendar date as yyyy-mm-dd",
  inputMissing: (what: string) => `${what} not found`,
  inputIsDirectory: (what: string) => `this is a folder, not a file: name the ${what} itself`,
  notJson: (reason: string, column: number | null) => `not valid JSON${column === null ? "" : ` (column ${column})`}: ${reason}`,
  artefactMissing: (stage: string) => `not found: run 'effekt ${stage}' (or 'effekt run') first`,
  artefactInvalid: (stage: string) => `not a valid ${stage} artefact (written by another version?): run 'effekt ${stage}' again`,
  stageHasNothingToDo: (stage: string, reason: string) => `${stage}: ${reason}`,
  controlMissing: (control: string, column: string, arms: ValuesToShow) =>
    `the control arm '${control}' is not among the arms in column '${column}' (${listedValues(arms)}); name it with --control`,
  oneArm: (column: string, arms: ValuesToShow) => `column '${column}' holds only one arm (${listedValues(arms)})`,
  /** A column's values (arms, levels) as a progress line names them: a few, or how many. */
  valuesShown: (values: ValuesToShow) => listedValues(values),
  asOfInvalid: (value: string) => `--as-of ${value} is not a date as yyyy-mm-dd`,

  // The as-of date and who can be analysed by it.
  asOfBeforeEnrolment: (asOf: string, from: string) =>
    `the as-of date ${asOf} is before enrolment opens (${from}, the spec's enrolment.from): no one can be enrolled by then, so there is nothing to evaluate. Give an --as-of on or after ${from}`,
  noOneEnrolled: (asOf: string, inPopulation: number) =>
    `none of the ${inPopulation} person(s) in the population was referred (or started, without a referral date) by the as-of date ${asOf}, so no one is enrolled yet and there is nothing to evaluate. Give a later --as-of`,
  noOneAssigned: (asOf: string, enrolled: number, awaiting: number) =>
    `no one is assigned to a group by the as-of date ${asOf}: ${enrolled} person(s) enrolled, ${awaiting} of them await the randomisation of their batch (a batch is randomised when its period has ended). Give a later --as-of`,
  armEmpty: (asOf: string, empty: readonly string[], counts: string) =>
    `by the as-of date ${asOf} no one is assigned to ${empty.length === 1 ? "arm" : "arms"} ${empty.map((a) => `'${a}'`).join(", ")} (assigned: ${counts}), so no group can be compared with another. Give a later --as-of, when persons have been assigned to every arm`,

  // Internal errors: a bug, never the user's data; the details only with EFFEKT_DEBUG=1.
  internalError: (what: string) => `internal error: ${what}. This is a bug in effekt, not a problem in your files: rerun with EFFEKT_DEBUG=1 for the details, and report them`,
  artefactSchemaBroken: (artefact: string, where: string) => `${artefact} did not match its schema when written (at ${where})`,

  // The output folder: the tool's own.
  outIsFile: () => "--out names a file, not a folder (it, or a folder above it, is a file): give a folder, new, empty, or one effekt wrote before",
  outHoldsInput: (input: string) =>
    `--out is, or holds, an input of this run (${input}): a run clears what it wrote in its folder, and its inputs must never be there. Give another folder, outside the spec's folder and every input's`,
  outNotOwned: (kind: string) =>
    `this folder is not empty and was not written by ${kind} (it has no ${".effekt-run.json"}): effekt writes only into a new or empty folder, or one it wrote before. Choose another --out, or take this one over with --force (files effekt did not write are kept, never deleted or overwritten)`,
  outNotWritable: (reason: string) => `effekt cannot create files in this folder (${reason}): give a folder you may write into`,
  outOtherKind: (kind: string, other: string) => `this folder was written by ${other}, not by ${kind}: choose another --out`,
  outFileNotOurs: (file: string) =>
    `${file} is in the way: effekt would write a file here, and this one it did not write, so it is not overwritten. Move it out of the folder, or choose another --out`,
  outLocked: (pid: number, host: string, since: string, lockFile: string) =>
    `another effekt run (process ${pid} on ${host}, started ${since}) is writing into this folder now; two runs into one folder would mix their files. Wait for it to end, or choose another --out (if no such run is going, delete ${lockFile})`,
  outLockUnreadable: (lockFile: string) =>
    `the folder is locked by another effekt run (${lockFile} exists, and says by whom only in part); wait for it to end, or delete ${lockFile} if no run is going`,
  staleLockTakenOver: (pid: number, since: string) => `the lock of a run that no longer runs (process ${pid}, started ${since}) is taken over`,
  adoptedUnchanged: (files: number) => `a run folder without the ownership marker, every one of its ${files} file(s) recorded unchanged by its manifest.json: taken as effekt's`,
  takenOver: (adopted: number, kept: number) =>
    `taken over with --force: ${adopted} file(s) its manifest.json records as effekt's outputs are now effekt's; ${kept} other file(s) are kept, never deleted or overwritten`,
  assignmentCheckFailed: (check: string, count: number, detail: string, issuesFile: string) =>
    `assignment check '${check}' failed for ${count} (${detail}); the persons are listed in ${issuesFile}. Effects are not estimated from an allocation that fails this check.`,

  categoryValuesNotShown: (covariate: string, found: { values: number; rare: number; persons: number; freeText: boolean }, minCell: number) =>
    (found.freeText
      ? `covariate '${covariate}' has ${found.values} distinct values among ${found.persons} persons, more than ${found.persons} ÷ ${minCell} allows: it looks like free text (names, notes), not a category. `
      : `covariate '${covariate}': ${found.rare} of its ${found.values} values ${found.rare === 1 ? "is" : "are"} held by fewer than ${minCell} persons. `) +
    `The report does not print ${found.freeText ? "its values" : "those values"} by name (a value of a few persons may name them); group the values into categories of at least ${minCell} persons in the population extract, or drop the covariate`,
  covariateUnknown: (id: string, kind: string, personIds: readonly string[]) =>
    `covariate '${id}' (${kind}) cannot be worked out for ${personIds.length} person(s), e.g. ${personIds.slice(0, 3).join(", ")}: ${kind === "days_served_before_start" ? "their last release before start has no admissionDate" : "a value it needs is missing"}. Supply it, or drop the covariate from the spec.`,
  /** csv-parse's reason in words of our own (by its error code): its messages quote the field they stopped at. */
  malformedReason: (code: string | undefined) => MALFORMED_REASONS[code ?? ""] ?? "it cannot be read as CSV",
  rule: {
    missing_value: () => "a value is required",
    invalid_id: () => "a person id has no spaces and is at most 64 characters",
    invalid_date: (format: string) => `not a date in the format ${format === "iso" ? "yyyy-mm-dd" : format}`,
    invalid_month: (format: string) => `not a month in the format ${format}`,
    invalid_week: (format: string) => `not an ISO week in the format ${format === "iso" ? "yyyy-Www (2022-W05)" : "yyww (2205)"}`,
    invalid_number: (decimal: string) => `not a number with decimal separator '${decimal}'`,
    below_minimum: (min: number) => `below the minimum of ${min}`,
    unknown_category: (allowed: readonly string[]) => `not one of ${allowed.join(", ")} (map source values in the spec's columns.<field>.values)`,
    unknown_benefit_code: () => "not a code in the benefit-code file",
    wrong_column_count: (expected: number, found: number) => `expected ${expected} fields, found ${found}`,
    malformed_csv: (reason: string) => `the line is not valid CSV: ${reason}`,
    end_before_start: () => "end date is before start date",
    start_outside_enrolment: (from: string, to: string) => `start date is outside the enrolment window ${from} – ${to}`,
    birth_after_start: () => "birth date is after start date",
    exit_before_start: () => "exit date is before start date",
    admission_after_release: () => "admission (imprisonment) date is after the release date",
    exit_needs_both: () => "an exit needs both its date and its reason",
    duplicate_person: (firstLine: number) => `person already listed on line ${firstLine}`,
    duplicate_week: (firstLine: number) => `person and week already listed on line ${firstLine}`,
    duplicate_row: (firstLine: number) => `repeats line ${firstLine} exactly; counted once`,
    conflicting_rows: (firstLine: number, what: string) => `same ${what} as line ${firstLine} with other values; the outcomes that read it are incomplete`,
    conflicting_person: (otherLine: number) => `the same person is on line ${otherLine} with other values; the person is excluded`,
    person_not_in_population: (excluded = false) =>
      excluded
        ? "the person's population row was rejected, so the person is not in the population (not counted toward the quarantine stop)"
        : "the person is not in the population (not counted toward the quarantine stop)",
    implausible_value: (range: string, setting: string) => `outside the plausible range ${range}; set ${setting} in the spec if such values are real`,
    too_many_digits: () => "more than 15 significant digits cannot be held exactly",
  },

  settleThroughInvalid: (value: string) => `--through ${value} is not a date as yyyy-mm-dd`,
  settleRunNotVerified: (run: string, files: readonly string[]) =>
    `the run ${run} does not verify against its manifest (${files.join(", ")}): nothing is settled from a run whose files changed; run 'effekt verify-run ${run}' to see why, or run again`,
  settleRunOtherSpec: (run: string, evaluation: string, spec: string) => `the run ${run} is of evaluation '${evaluation}', not '${spec}' (the spec): settle from a run of this spec`,
  settleAfterAsOf: (through: string, asOf: string) =>
    `--through ${through} is after the run's as-of date ${asOf}: a period due after the run's data cannot be settled from it; run as of ${through} or later first`,
  settleFileOtherSpec: (file: string, evaluation: string, spec: string) => `the settlement file ${file} is of evaluation '${evaluation}', not '${spec}'`,
  settleNoRepayment: (run: string) => `the run ${run} has no repayment.json: run the repay stage (or 'effekt run') first`,
  settlementUnknown: (contract: string, period: string, what: "contract" | "period") =>
    `the settlement file records contract '${contract}', period '${period}' as settled, and the spec's contracts have no such ${what}`,
  projectionFigureNoProjection: (what: string, name: string) => `${what} is read from projection.json (case '${name}'), and there is none: run 'effekt project' first`,
  projectionFigureNoCase: (what: string, name: string, cases: readonly string[]) => `${what}: projection.json has no case '${name}' (it has ${cases.join(", ") || "none"})`,
  projectionFigureNotProjected: (what: string, name: string, reason: string) => `${what}: case '${name}' was not projected: ${reason}`,
  projectionFigureNoScenario: (what: string, name: string, scenario: string) => `${what}: case '${name}' has no scenario '${scenario}'`,
  // Input formats (issue 14): Excel workbooks, UTF-16, sep= lines, binary files, folders.
  notAFile: () => "is a folder, not a file: name the extract file itself in the spec",
  binaryFile: (what: string) =>
    `this looks like ${what}, not a CSV file or an .xlsx workbook (its bytes are not shown). Export the data as CSV or save it as .xlsx, and run again`,
  sepLineUnsupported: () => `the first line is Excel's sep= line, but it names a delimiter effekt does not read (it reads ',', ';' and tab)`,
  notUtf16: (encoding: string) => `the file starts with a ${encoding.toUpperCase()} byte-order mark but holds bytes that are not valid ${encoding.toUpperCase()}`,
  xlsxUnreadable: () => "the .xlsx workbook cannot be read (damaged, or not really a workbook): open it in Excel and save it again, or export it as CSV",
  xlsxSheetMissing: (sheet: string, sheets: readonly string[]) =>
    `the workbook has no sheet '${sheet}' (it has ${sheets.length} sheet${sheets.length === 1 ? "" : "s"}, named as the workbook shows them); name one of them in the extract's "sheet"`,
  sheetOnlyForXlsx: () => `the extract names a "sheet", but the file is not an .xlsx workbook`,
  cprInJson: () =>
    "this value looks like a CPR number (it is not shown): labels, names and file names are published or printed, so a CPR number is refused in them as in the data; remove it",
  /** How a file or folder whose name looks like a CPR number is shown instead of its name. */
  cprLikeName: () => "(a name that looks like a CPR number)",
  headerLooksLikeCpr: () =>
    `the first line holds values that look like CPR numbers, so the file seems to have no header line (or CPR numbers as column names). ` +
    `effekt takes pseudonymised person ids only: pseudonymise or remove the column, give the file a header line, and run again.`,
  dateFormatAmbiguous: (column: string, formats: readonly string[]) =>
    `the dates in column '${column}' read as ${formats.join(" and as ")}, with different days (this line, for example): effekt does not guess. ` +
    `Declare the format for this extract, e.g. "dateFormat": "${formats[0]}"`,
  dateFormatMixed: (column: string, formats: readonly { format: string; count: number; line: number }[]) =>
    `column '${column}' holds dates in more than one format (${formats.map((f) => `${f.count} as ${f.format}, e.g. line ${f.line}`).join("; ")}): effekt does not guess which is meant. ` +
    `Declare it, e.g. "dateFormat": "${formats[0]!.format}"; rows in another format are then quarantined`,
  dateFormatUnrecognised: (column: string, known: readonly string[]) =>
    `no date format effekt knows reads column '${column}' (this line, for example); declare "dateFormat" as one of ${known.join(", ")}, or check the column mapping`,
  dateFormatsDiffer: (columns: readonly { column: string; format: string }[]) =>
    `the date columns use different formats (${columns.map((c) => `'${c.column}' ${c.format}`).join(", ")}); effekt reads one date format per extract: write them alike in the source, or declare "dateFormat" and let the other column's rows be quarantined`,
  dateFormatContradicted: (column: string, declared: string, proven: string) =>
    `column '${column}' is declared "dateFormat": "${declared}", but this line holds a date that can only be ${proven}, ` +
    `so rows whose day is 12 or less would be read with day and month swapped. Declare "dateFormat": "${proven}" if the column is written that way`,
  quarantineDominant: (rule: string, count: number, lines: readonly number[], fix: string) =>
    `most are '${rule}' (${count} row${count === 1 ? "" : "s"}, e.g. line${lines.length === 1 ? "" : "s"} ${lines.join(" and ")}): ${fix}`,
  quarantineFix: {
    dateFormat: (format: string) => `declare "dateFormat": "${format}" for this extract`,
    decimal: (decimal: string) => `declare "dialect": {"decimal": "${decimal}"} for this extract`,
    monthFormat: (format: string) => `declare "monthFormat": "${format}" for this extract`,
    weekFormat: (format: string) => `declare "weekFormat": "${format}" for this extract`,
    columnCount: () => `check the delimiter (declare "dialect": {"delimiter": ...}) and the quoting of the lines named`,
    category: (column: string) => `map the source values of '${column}' in the spec's columns.<field>.values`,
    benefitCode: () => "add the codes to the benefit-code file, or correct them in the extract",
    missing: (column: string) => `fill in '${column}', or check that the spec maps the right column`,
    malformed: () => "check the quoting on the lines named",
    other: () => "see the quarantine file for each row's rule",
  },
  extractNoRows: (extract: string) =>
    `extract '${extract}' has a header but no data rows; fix the export, or set "allowEmpty": true with a declared "coverage" if the register really holds no rows for the period`,
  columnTwice: (column: string, positions: readonly number[]) =>
    `column '${column}' appears ${positions.length} times in the header (positions ${positions.join(", ")}); which one holds the data is not guessed: rename or remove the others`,
  populationNoPersons: () => "the population has no accepted person: every row was rejected (see the quarantine file)",
  asOfBeyondCoverage: (extract: string, coverageTo: string, asOf: string, source: string) =>
    `extract '${extract}' covers up to ${coverageTo} (${source}), before the as-of date ${asOf}: windows that run past it are censored (extract_coverage)`,
  rowsWithoutPerson: (extract: string, count: number, lines: readonly number[]) =>
    `extract '${extract}': ${count} rejected row(s) whose person id cannot be read (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", …" : ""}) could belong to anyone: every window of this extract holding their period is incomplete`,
  covariateLookBackIncomplete: (covariate: string, persons: number) =>
    `covariate '${covariate}': for ${persons} person(s) the look-back before start holds a rejected or conflicting row, so their baseline value may lack it (see the quarantine files)`,
  rejectedRowsIgnored: (extract: string, count: number) =>
    `extract '${extract}' has onRejectedRow "ignore": ${count} rejected row(s) are taken as absent, so outcomes reading them may lack those rows`,
  keyExists: () => "a key already exists here; keygen never overwrites a key: choose another --out folder",
  keyUnreadable: (kind: "private" | "public") => `the ${kind} key file cannot be read`,
  keyInvalid: (kind: "private" | "public") => `not an Ed25519 ${kind} key in PEM (make one with effekt keygen --out DIR)`,
  signatureUnreadable: () => "the signature file manifest-signature.json is not a valid effekt signature",
  signatureFails: (reason: "other_key" | "manifest_changed" | "signature_invalid") =>
    reason === "other_key"
      ? "the signature was made with another key than the public key given"
      : reason === "manifest_changed"
        ? "the signature does not match manifest.json: the manifest was changed after it was signed"
        : "the signature does not verify against manifest.json with this public key",
  bundleOfUnverifiedRun: (problems: readonly string[]) =>
    `the run does not verify, so it is not bundled: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? "; …" : ""}`,
  bundleOutNotEmpty: () => "the bundle folder exists and is not empty: choose a new --out folder",
  allocationWouldMove: (why: string, persons: readonly string[]) =>
    `${why}; this run would change the allocation of ${persons.length} person(s) already on the log (${persons.slice(0, 10).join(", ")}${persons.length > 10 ? ", …" : ""}), and an allocation never moves: restore the spec's assignment, or start a new evaluation with a new log`,
  planAlreadyLocked: () => "the analysis plan is already locked here; a lock is never rewritten (a new lock would hide the deviations from the old one)",
  planAfterOutcomes: () =>
    "outcomes have already been estimated for this evaluation (this effects.json exists), so a lock now is no pre-registration; give --after-outcomes to lock anyway, and the lock says so",
  planLockInvalid: () => "not a valid plan lock (write one with effekt lock-plan)",
  planLockEdited: () => "the plan lock was edited after it was written: its sha256 does not match its plan",
  planLockOtherEvaluation: (locked: string, spec: string) => `the plan lock is for evaluation '${locked}', the spec is '${spec}'`,
  triggerSkipped: (trigger: string) => `trigger '${trigger}' skipped: an extract it needs is missing`,
  triggerUnknown: (contract: string, unknown: readonly string[], known: readonly string[]) =>
    `contract '${contract}' pays on ${unknown.map((u) => `'${u}'`).join(", ")}, which the spec's triggers do not derive (known: ${known.length > 0 ? known.join(", ") : "none"}); name a trigger id, or give the contract an outcomeTable`,
  portfolioNotARun: (folder: string, why: "absent" | "not_a_folder" | "no_manifest") =>
    `${folder} is not a run folder: ${why === "absent" ? "it does not exist" : why === "not_a_folder" ? "it is a file, not a folder" : "it has no manifest.json (give the --out folder of an effekt run)"}`,
  compareNotARun: (folder: string, why: "absent" | "not_a_folder" | "no_manifest") =>
    `--compare ${folder}: not a run folder: ${why === "absent" ? "it does not exist" : why === "not_a_folder" ? "it is a file, not a folder" : "it has no manifest.json (give the --out folder of an earlier effekt run of this evaluation)"}`,
  compareIsThisRun: (folder: string) => `--compare ${folder}: that is this run's own output folder; give the folder of the previous quarter's run`,
  compareOtherEvaluation: (folder: string, theirs: string, ours: string) =>
    `--compare ${folder}: that is a run of evaluation '${theirs}', this one is '${ours}'; compare only with an earlier run of the same evaluation`,
  compareOtherPopulation: (folder: string, theirs: string, ours: string) =>
    `--compare ${folder}: that run followed another population (its population extract '${theirs}' is declared otherwise than this spec's '${ours}': name, kind or columns differ); compare only with an earlier run on the same population`,
  compareNoPopulation: (folder: string) =>
    `--compare ${folder}: its manifest.json does not record which population it followed (it was made by an earlier version of effekt); run that quarter again with this version, then compare`,
  compareNotEarlier: (folder: string, theirs: string, ours: string) =>
    `--compare ${folder}: that run is as of ${theirs}, ${theirs === ours ? "the same date as" : "after"} this run's ${ours}; compare only with an earlier quarter`,
  portfolioNoStatus: (folder: string, file: string) =>
    `${folder} has no published ${file} in its manifest: run effekt run again with this version of effekt (the status page's tables are read from report/)`,
  portfolioReportChanged: (file: string) => `${file} differs from its SHA-256 in the run's manifest.json: the published report was changed after the run; run it again`,
  portfolioSameRun: (folder: string) => `${folder} is named twice: give each run folder once`,
  columnNotAsFlagged: (count: number, rule: string, first: readonly { line: number; value: string | null }[]) =>
    `${count} values, each ${rule}: is the column what its flag says? The first ${first.length}: ${first.map((f) => (f.value === null ? `line ${f.line}` : `line ${f.line} (${f.value})`)).join(", ")}`,
  referenceLevelMissing: (column: string, reference: string, levels: ValuesToShow) =>
    reference === "" ? `categorical covariate '${column}' has no values` : `the reference level '${reference}' of categorical covariate '${column}' is not among its levels (${listedValues(levels)})`,
  controlUnclear: (column: string, arms: ValuesToShow) =>
    `column '${column}' holds the arms ${listedValues(arms)}: none is 0 or named control/kontrol, so which is the control arm is not guessed; name it with --control`,
  covariatesMissing: (count: number, lines: readonly number[]) =>
    `${count} person(s) lack a covariate value (line ${lines.slice(0, 5).join(", ")}${lines.length > 5 ? ", …" : ""}); they are not left out silently: fill them in, or choose --missing-covariates indicator (mean-imputed with a missingness indicator) or drop (left out of the adjusted estimators, counted)`,
  clustersAcrossBlocks: (column: string, clusters: readonly string[]) =>
    `${clusters.length} cluster(s) of column '${column}' hold persons of more than one block (${clusters.slice(0, 10).join(", ")}${clusters.length > 10 ? ", …" : ""}): a whole cluster is randomised, so it must lie in one block; no one is assigned. Block on a cluster-level variable, or leave the blocks out`,
  clustersAcrossBatches: (column: string, clusters: readonly string[]) =>
    `${clusters.length} cluster(s) of column '${column}' have persons in more than one batch (${clusters.slice(0, 10).join(", ")}${clusters.length > 10 ? ", …" : ""}): a whole cluster is randomised once, in one batch; no one is assigned. Use "batches": "none", or batches each cluster's persons are referred within`,
  // Bounded resources (issue 25, part 6): the limits are in src/shared/limits.ts; no message quotes the content.
  xlsxPartTooLarge: (bytes: number, limit: number) =>
    `a part of the workbook unpacks to ${bytes.toLocaleString("en")} bytes, more than the ${limit.toLocaleString("en")} effekt unpacks from one part (nothing was unpacked): export the data as CSV`,
  xlsxTotalTooLarge: (bytes: number, limit: number) =>
    `the parts of the workbook effekt reads unpack to ${bytes.toLocaleString("en")} bytes together, more than the ${limit.toLocaleString("en")} it unpacks from one workbook (nothing was unpacked): export the data as CSV`,
  xlsxRatioTooHigh: (ratio: number, limit: number) =>
    `a part of the workbook unpacks to ${Math.round(ratio).toLocaleString("en")} times its packed size, more than the ${limit} times a real sheet does (nothing was unpacked): a damaged file or a zip bomb`,
  xlsxPartLarger: () => `a part of the workbook unpacks to more bytes than the workbook says it holds (unpacking stopped there): a damaged file or a zip bomb`,
  sheetTooLarge: (rows: number, columns: number, limit: number, declared: boolean) =>
    `the sheet ${declared ? "declares that it uses" : "has cells in"} ${rows === Infinity ? "more than 1,048,576" : rows.toLocaleString("en")} rows × ${columns === Infinity ? "more than 16,384" : columns.toLocaleString("en")} columns from A1, ` +
    `more than the ${limit.toLocaleString("en")} cells effekt reads from a sheet (no row was read). ` +
    `Delete the empty rows and columns beyond the data (Ctrl+End shows where Excel thinks the sheet ends) and save it again, or export the data as CSV`,
  lineTooLong: (limit: number) =>
    `this line is longer than ${limit.toLocaleString("en")} bytes, the longest line effekt reads (reading stopped here; the line is not shown). Is it the file you meant, with the delimiter and line endings it should have?`,
  contractTwice: (name: string, first: string) =>
    `contract '${name}' is listed a second time (first in ${first}): each contract is counted once, so give each once`,
  documentTooLarge: (bytes: number, limit: number) =>
    `the file is ${bytes.toLocaleString("en")} bytes, more than the ${limit.toLocaleString("en")} effekt reads whole (a spec, contract, assumption, portfolio, settlement file or outcome table is kilobytes): is it the file you meant?`,
  portfolioContractTwice: (contract: string, firstRow: number) => `contract '${contract}' is named by a second row of the portfolio (first by rows[${firstRow}]): each contract is counted once`,

  // Issue 25, parts 7–9: tamper-evident settlements, what verify-run verified, allocations never lost.
  settlementsUnchained: (file: string) =>
    `${file} is a settlement file of the old, unchained form (schema_version 1): nothing shows whether its amounts were edited, so no run pays on it. ` +
    `Re-create it: move it aside, then for each run it names (run.manifestSha256, in order) run 'effekt settle <spec> --run <that run's folder> --through <its settlementDate>'; compare the amounts with the old file before you discard it`,
  settlementTampered: (file: string, position: number, contract: string, period: string, how: "changed" | "unlinked") =>
    `record ${position} of the settlement file ${file} (contract '${contract}', period '${period}') ` +
    (how === "changed" ? "was changed after it was settled: its sha256 does not match its content" : "is not chained to the record before it: a record was deleted, inserted or moved before it") +
    `. A settlement is never edited by hand: restore ${file} from a backup (a signed investor bundle holds a copy)`,
  settlementsHeadBroken: (file: string, count: number, last: { contract: string; period: string } | null) =>
    `the settlement file ${file} ends ${last === null ? "with no record" : `at record ${count} (contract '${last.contract}', period '${last.period}')`}, but its chainHead names another record: ` +
    `the last record(s) were deleted or the head edited. A settlement is never edited by hand: restore ${file} from a backup (a signed investor bundle holds a copy)`,
  allocationLogMissing: (log: string, recordedBy: readonly string[]) =>
    `the allocation log ${log} is missing, and its chain head is recorded by ${listOf(recordedBy)}: without the log everyone on it would be randomised again and the allocation would move. Restore ${log} from a backup; nothing was changed`,
  allocationLogHeadLost: (log: string, recordedBy: readonly string[]) =>
    `the allocation log ${log} does not hold the chain head recorded by ${listOf(recordedBy)}: it is shorter than it was, or another log. A log only grows: restore ${log} from a backup; nothing was changed`,
  lookLogTampered: (reason: string) => `the look log is broken at this line: ${reason}; restore it from a backup (a look already taken never changes)`,
  oneSidedNeedsDirection: (outcome: string) => `a one-sided monitoring plan (monitoring.sides 1) needs to know which way is better: give the primary outcome '${outcome}' a direction (higher_is_better or lower_is_better)`,
  recordedHeadInOutput: (file: string, lines: number) => `the previous run in this output folder (${file}, ${lines} line(s) on the log)`,
  recordedHeadInOutputManifest: (file: string) => `the previous run in this output folder (${file} records the log as an input)`,
  recordedHeadInPlanLock: (file: string) => `the plan lock ${file}`,
  recordedHeadInSettlement: (file: string, position: number, contract: string, period: string) => `the settlement file ${file} (record ${position}: contract '${contract}', period '${period}')`,
  bundleIndexInvalid: () => "bundle.json is not a valid bundle index: the folder is checked as a whole run",
  bundleIndexDisagrees: (field: string, inIndex: string, inManifest: string) => `bundle.json says ${field} ${inIndex}, the manifest (what is signed) says ${inManifest}`,
  bundleHoldsWrong: (file: string, how: "listed_absent" | "present_unlisted" | "not_allowed") =>
    how === "listed_absent" ? `bundle.json lists ${file}, which the bundle does not hold` : how === "present_unlisted" ? `the bundle holds ${file}, which bundle.json does not list` : `bundle.json lists ${file}, which a bundle never holds`,
  bundleKeptWrong: () => "bundle.json's list of files kept by the municipality differs from what the manifest records and the bundle does not hold",
  bundleSignedWithoutSignature: () => "bundle.json says the run is signed, and manifest-signature.json is missing",
  bundleUnsignedWithSignature: () => "bundle.json says the run is unsigned, and it holds manifest-signature.json",
  verifyAsOfDiffers: (asOf: string, expected: string) => `the run is as of ${asOf}, not ${expected} (--expect-as-of)`,
  verifyExpectAsOfInvalid: (value: string) => `--expect-as-of ${value} is not a date as yyyy-mm-dd`,
} as const;

export type Rule = keyof typeof messages.rule;

/** csv-parse's error codes (CsvError.code) in words: its own messages quote the line. */
const MALFORMED_REASONS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: "a quoted field is followed by other characters before the delimiter",
  CSV_INVALID_OPENING_QUOTE: "a quote appears inside an unquoted field",
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "the number of fields differs from the header",
  CSV_RECORD_INCONSISTENT_COLUMNS: "the number of fields differs from the header",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "a quoted field is followed by other characters before the delimiter",
  CSV_MAX_RECORD_SIZE: "the line is longer than the most a line may hold",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: "the number of fields differs from the header",
};
