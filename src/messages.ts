/**
 * Every message a person sees, in one place. Tests assert against these same
 * factories, so wording changes here and nowhere else.
 */

export const messages = {
  specNotFound: (path: string) => `spec file not found: ${path}`,
  specNotJson: (path: string, reason: string) => `${path} is not valid JSON: ${reason}`,
  specInvalid: (path: string) => `${path} is not a valid evaluation spec:`,

  extractMissing: (extract: string, file: string) =>
    `required extract '${extract}' not found: ${file} (set "required": false in the spec if the evaluation can do without it)`,
  extractOptionalMissing: (extract: string, file: string) => `optional extract '${extract}' not found (${file}); outcomes that need it are skipped`,
  extractEmpty: () => "the file is empty (no header line)",
  columnsMissing: (columns: readonly string[], header: readonly string[]) =>
    `the header lacks column${columns.length > 1 ? "s" : ""} ${columns.map((c) => `'${c}'`).join(", ")} named in the spec; the header has ${header.map((c) => `'${c}'`).join(", ")}`,
  noWeekColumns: (pattern: string) => `no column matches the week-column pattern ${pattern}`,
  weekColumnInvalid: () => "the week column's name is not a valid ISO week (yyww)",
  cprRefused: () =>
    `values look like CPR numbers (ddmmyy-xxxx or 10 digits starting with a valid date). ` +
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
  tableColumnMissing: (column: string, header: readonly string[]) => `no column '${column}' (the header has ${header.join(", ")})`,
  logHeaderDiffers: () => "its header (seed, algorithm, arms or blocks) differs from the spec's assignment; an existing log is only appended to under the same design",
  asOfInvalid: (value: string) => `--as-of ${value} is not a date as yyyy-mm-dd`,
  assignmentCheckFailed: (check: string, count: number, detail: string, issuesFile: string) =>
    `assignment check '${check}' failed for ${count} (${detail}); the persons are listed in ${issuesFile}. Effects are not estimated from an allocation that fails this check.`,

  covariateUnknown: (id: string, kind: string, personIds: readonly string[]) =>
    `covariate '${id}' (${kind}) cannot be worked out for ${personIds.length} person(s), e.g. ${personIds.slice(0, 3).join(", ")}: ${kind === "days_served_before_start" ? "their last release before start has no admissionDate" : "a value it needs is missing"}. Supply it, or drop the covariate from the spec.`,
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
} as const;

export type Rule = keyof typeof messages.rule;
