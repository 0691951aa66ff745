/**
 * A hash table from byte strings to small integers, looked up straight from a byte
 * buffer (a slice between two offsets): no JavaScript string is made on a lookup.
 * Open addressing with linear probing over FNV-1a hashes; keys live in one growing arena.
 * Memory is bounded by the keys put in (persons, distinct weeks, codes), never by the rows looked up.
 */
export class ByteKeyTable {
  private slots: Int32Array;
  private mask: number;
  private keyStart: Int32Array = new Int32Array(16);
  private keyEnd: Int32Array = new Int32Array(16);
  private values: Int32Array = new Int32Array(16);
  private arena: Uint8Array = new Uint8Array(1024);
  private arenaUsed = 0;
  /** For getNear: the entry found last, and per entry the one found after it last time (−1: none). */
  private lastEntry = -1;
  private following: Int32Array = new Int32Array(16).fill(-1);
  size = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The value stored for bytes[start, end), or -1. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const entry = this.entryOf(bytes, start, end);
    return entry < 0 ? -1 : this.values[entry]!;
  }

  /**
   * get, for keys that come in runs and sequences (a register sorted by person, each person's weeks
   * in order): the key found last and the key that followed it last time are compared first, and the
   * hash is worked out only when neither is it. Same answers as get.
   */
  getNear(bytes: Uint8Array, start: number, end: number): number {
    const last = this.lastEntry;
    if (last >= 0) {
      if (this.keyIs(last, bytes, start, end)) return this.values[last]!;
      const next = this.following[last]!;
      if (next >= 0 && this.keyIs(next, bytes, start, end)) {
        this.lastEntry = next;
        return this.values[next]!;
      }
    }
    const entry = this.entryOf(bytes, start, end);
    if (entry < 0) return -1;
    if (last >= 0) this.following[last] = entry;
    this.lastEntry = entry;
    return this.values[entry]!;
  }

  private entryOf(bytes: Uint8Array, start: number, end: number): number {
    let slot = hashOf(bytes, start, end) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry < 0 || this.keyIs(entry, bytes, start, end)) return entry;
      slot = (slot + 1) & this.mask;
    }
  }

  private keyIs(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.keyStart[entry]!;
    const length = end - start;
    return this.keyEnd[entry]! - from === length && this.equal(from, bytes, start, length);
  }

  /** Stores a value for bytes[start, end); a key put twice keeps its first value. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if (this.get(bytes, start, end) >= 0) return;
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const entry = this.size;
    if (entry >= this.values.length) {
      this.keyStart = resized(this.keyStart, entry * 2);
      this.keyEnd = resized(this.keyEnd, entry * 2);
      this.values = resized(this.values, entry * 2);
      const following = new Int32Array(entry * 2).fill(-1);
      following.set(this.following);
      this.following = following;
    }
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.keyStart[entry] = this.arenaUsed;
    this.keyEnd[entry] = this.arenaUsed + length;
    this.arenaUsed += length;
    this.values[entry] = value;
    this.size += 1;
    this.place(entry);
  }

  /** Compared from the last byte back: ids and weeks that differ, differ at their end (P0000123, 2015-W02). */
  private equal(from: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let i = length - 1; i >= 0; i -= 1) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private place(entry: number): void {
    let slot = hashOf(this.arena, this.keyStart[entry]!, this.keyEnd[entry]!) & this.mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry += 1) this.place(entry);
  }
}

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return (hash ^ (hash >>> 15)) >>> 0;
}

function resized(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
