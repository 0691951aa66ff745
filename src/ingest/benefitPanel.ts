/**
 * Weekly benefit status for every person, as one byte per person and week over the
 * analysis period: memory bounded by persons × weeks, not by the rows of the extract
 * (a 26 M-row long extract fits in 26 MB). A cell holds the benefit group's index + 1;
 * 0 = no code that week (the absent group).
 */
import { mondayOfWeek, type DayNumber } from "../shared/dates.ts";

export type PanelWrite = { readonly status: "stored" } | { readonly status: "duplicate"; readonly firstLine: number; readonly sameCode: boolean } | { readonly status: "outside" } | { readonly status: "unknown_person" };

/** A panel as another thread rebuilds it (BenefitPanel.fromShared): its shape, its shared cells and its code numbers. */
export interface SharedPanel {
  readonly persons: readonly string[];
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly groups: readonly string[];
  readonly cells: SharedArrayBuffer;
  readonly lines: SharedArrayBuffer;
  readonly codes: SharedArrayBuffer;
  readonly codeNumbers: readonly (readonly [string, number])[];
}

export class BenefitPanel {
  readonly firstWeek: DayNumber;
  readonly weekCount: number;
  private readonly cells: Uint8Array;
  private readonly lines: Uint32Array;
  /** The benefit code of each cell (index into `codeNames` + 1), to tell an exact repeat from a conflicting row. */
  private readonly codes: Uint16Array;
  private readonly codeIndex = new Map<string, number>();
  private readonly personIndex: ReadonlyMap<string, number>;
  private readonly groupIndex: ReadonlyMap<string, number>;
  /** The population's ids in panel order, for readers that index persons themselves (src/ingest/bytes/). */
  readonly personIds: readonly string[];

  /**
   * @param persons the population's person ids
   * @param from, to the analysis period (Mondays of the first and last week kept)
   * @param groups the benefit groups, in a fixed order (at most 255)
   */
  /** @param shared the cells in shared memory, so a worker thread can write them (toShared, fromShared) */
  constructor(persons: readonly string[], private readonly from: DayNumber, private readonly to: DayNumber, readonly groups: readonly string[], shared: false | "new" | SharedPanel = false) {
    if (groups.length > 255) throw new Error("BenefitPanel holds at most 255 benefit groups");
    this.firstWeek = mondayOfWeek(from);
    this.weekCount = Math.max(0, Math.floor((mondayOfWeek(to) - this.firstWeek) / 7) + 1);
    this.personIds = persons;
    this.personIndex = new Map(persons.map((p, i) => [p, i]));
    this.groupIndex = new Map(groups.map((g, i) => [g, i + 1]));
    const size = persons.length * this.weekCount;
    const memory = (bytes: number) => (shared === "new" ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    this.cells = typeof shared === "object" ? new Uint8Array(shared.cells) : new Uint8Array(memory(size));
    this.lines = typeof shared === "object" ? new Uint32Array(shared.lines) : new Uint32Array(memory(4 * size));
    this.codes = typeof shared === "object" ? new Uint16Array(shared.codes) : new Uint16Array(memory(2 * size));
    if (typeof shared === "object") this.adoptCodeNumbers(shared.codeNumbers);
  }

  /** True when the cells are in shared memory (a worker thread may write them). */
  isShared(): boolean {
    return this.cells.buffer instanceof SharedArrayBuffer;
  }

  /** The panel for another thread (its cells must be in shared memory: shared "new"). */
  toShared(): SharedPanel {
    if (!(this.cells.buffer instanceof SharedArrayBuffer)) throw new Error("BenefitPanel.toShared requires a panel made with shared memory");
    return {
      persons: this.personIds,
      from: this.from,
      to: this.to,
      groups: this.groups,
      cells: this.cells.buffer,
      lines: this.lines.buffer as SharedArrayBuffer,
      codes: this.codes.buffer as SharedArrayBuffer,
      codeNumbers: [...this.codeIndex],
    };
  }

  static fromShared(shared: SharedPanel): BenefitPanel {
    return new BenefitPanel(shared.persons, shared.from, shared.to, shared.groups, shared);
  }

  /** The code numbers given so far, in the order given. */
  codeNumbers(): [string, number][] {
    return [...this.codeIndex];
  }

  /** Takes over the code numbers another thread gave while writing these cells. */
  adoptCodeNumbers(numbers: readonly (readonly [string, number])[]): void {
    for (const [code, number] of numbers) this.codeIndex.set(code, number);
  }

  /** Records a person's group in a week; says when the cell was already written (a duplicate row) and on which line. */
  set(personId: string, week: DayNumber, group: string, line: number, code = group): PanelWrite {
    const person = this.personIndex.get(personId);
    if (person === undefined) return { status: "unknown_person" };
    const offset = (week - this.firstWeek) / 7;
    if (offset < 0 || offset >= this.weekCount) return { status: "outside" };
    const cell = person * this.weekCount + offset;
    const codeNumber = this.codeNumberOf(code);
    if (this.lines[cell] !== 0) return { status: "duplicate", firstLine: this.lines[cell]!, sameCode: this.codes[cell] === codeNumber };
    this.cells[cell] = this.groupIndex.get(group)!;
    this.lines[cell] = line;
    this.codes[cell] = codeNumber;
    return { status: "stored" };
  }

  /** The number a benefit code is stored under (given on first use), to tell repeats from conflicts. */
  codeNumberOf(code: string): number {
    let codeNumber = this.codeIndex.get(code);
    if (codeNumber === undefined) {
      if (this.codeIndex.size >= 65535) throw new Error("BenefitPanel holds at most 65535 benefit codes");
      this.codeIndex.set(code, (codeNumber = this.codeIndex.size + 1));
    }
    return codeNumber;
  }

  /** A group's cell value (its index + 1). */
  groupValueOf(group: string): number {
    return this.groupIndex.get(group)!;
  }

  /** Stores a cell by person and week index unless it was written already: 0 when stored, else the line that wrote it. */
  storeAt(person: number, offset: number, groupValue: number, codeNumber: number, line: number): number {
    const cell = person * this.weekCount + offset;
    const first = this.lines[cell]!;
    if (first !== 0) return first;
    this.cells[cell] = groupValue;
    this.lines[cell] = line;
    this.codes[cell] = codeNumber;
    return 0;
  }

  /**
   * The weeks whose Monday lies in [from, to) in which the person's group — `absentGroup` for no code or
   * outside the panel — is one of `groups`: groupAt week by week, read from the person's cells directly.
   */
  countWeeksIn(personId: string, groups: readonly string[], absentGroup: string, from: DayNumber, to: DayNumber): number {
    const wanted = new Uint8Array(this.groups.length + 1);
    wanted[0] = Number(groups.includes(absentGroup));
    this.groups.forEach((group, i) => (wanted[i + 1] = Number(groups.includes(group))));
    const person = this.personIndex.get(personId);
    let monday = mondayOfWeek(from);
    if (monday < from) monday += 7;
    let count = 0;
    for (; monday < to; monday += 7) {
      const offset = (monday - this.firstWeek) / 7;
      const value = person === undefined || offset < 0 || offset >= this.weekCount ? 0 : this.cells[person * this.weekCount + offset]!;
      count += wanted[value]!;
    }
    return count;
  }

  /** The group of a person in the week starting on `monday`, or null for no code (or outside the panel). */
  groupAt(personId: string, monday: DayNumber): string | null {
    const person = this.personIndex.get(personId);
    const offset = (monday - this.firstWeek) / 7;
    if (person === undefined || offset < 0 || offset >= this.weekCount) return null;
    const value = this.cells[person * this.weekCount + offset]!;
    return value === 0 ? null : this.groups[value - 1]!;
  }
}
