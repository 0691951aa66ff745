/**
 * A hash table from byte strings to small integers, looked up straight from a byte
 * buffer (a slice between two offsets): no JavaScript string is made on a lookup.
 * Open addressing with linear probing over FNV-1a hashes; keys live in one growing arena.
 * Memory is bounded by the keys put in (persons, distinct weeks, codes), never by the rows looked up.
 *
 * Each key also has a fingerprint of two 32-bit words — its first four and last four bytes
 * (shorter keys: their bytes and length) — so a key of up to 8 bytes (an id, a week, a code) is
 * compared as two integers and its length; a longer one is compared byte by byte after that.
 */
export class ByteKeyTable {
  private slots: Int32Array;
  private mask: number;
  private keyStart: Int32Array = new Int32Array(16);
  private keyLength: Int32Array = new Int32Array(16);
  private keyLow: Int32Array = new Int32Array(16);
  private keyHigh: Int32Array = new Int32Array(16);
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
    const entry = this.entryOf(bytes, start, end, low(bytes, start, end), high(bytes, start, end));
    return entry < 0 ? -1 : this.values[entry]!;
  }

  /**
   * get, for keys that come in runs and sequences (a register sorted by person, each person's weeks
   * in order): the key found last and the key that followed it last time are compared first, and the
   * hash is worked out only when neither is it. Same answers as get.
   */
  getNear(bytes: Uint8Array, start: number, end: number): number {
    const lo = low(bytes, start, end);
    const hi = high(bytes, start, end);
    const last = this.lastEntry;
    if (last >= 0) {
      if (this.keyLow[last] === lo && this.keyHigh[last] === hi && this.keyIs(last, bytes, start, end)) return this.values[last]!;
      const next = this.following[last]!;
      if (next >= 0 && this.keyLow[next] === lo && this.keyHigh[next] === hi && this.keyIs(next, bytes, start, end)) {
        this.lastEntry = next;
        return this.values[next]!;
      }
    }
    const entry = this.entryOf(bytes, start, end, lo, hi);
    if (entry < 0) return -1;
    if (last >= 0) this.following[last] = entry;
    this.lastEntry = entry;
    return this.values[entry]!;
  }

  private entryOf(bytes: Uint8Array, start: number, end: number, lo: number, hi: number): number {
    let slot = hashOf(bytes, start, end) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry < 0 || (this.keyLow[entry] === lo && this.keyHigh[entry] === hi && this.keyIs(entry, bytes, start, end))) return entry;
      slot = (slot + 1) & this.mask;
    }
  }

  /** With the fingerprint equal: the same length, and (beyond 8 bytes) the same bytes. */
  private keyIs(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.keyLength[entry] !== length) return false;
    if (length <= 8) return true;
    const arena = this.arena;
    const from = this.keyStart[entry]!;
    for (let i = length - 1; i >= 0; i -= 1) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /** Stores a value for bytes[start, end); a key put twice keeps its first value. */
  set(bytes: Uint8Array, start: number, end: number, value: number): void {
    if (this.get(bytes, start, end) >= 0) return;
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const entry = this.size;
    if (entry >= this.values.length) {
      this.keyStart = resized(this.keyStart, entry * 2);
      this.keyLength = resized(this.keyLength, entry * 2);
      this.keyLow = resized(this.keyLow, entry * 2);
      this.keyHigh = resized(this.keyHigh, entry * 2);
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
    this.keyLength[entry] = length;
    this.keyLow[entry] = low(bytes, start, end);
    this.keyHigh[entry] = high(bytes, start, end);
    this.arenaUsed += length;
    this.values[entry] = value;
    this.size += 1;
    this.place(entry);
  }

  private place(entry: number): void {
    const from = this.keyStart[entry]!;
    let slot = hashOf(this.arena, from, from + this.keyLength[entry]!) & this.mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry += 1) this.place(entry);
  }
}

/** The fingerprint's first word: the first four bytes, or (shorter keys) the bytes and the length. */
function low(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length >= 4) return bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
  let word = length << 24;
  for (let i = 0; i < length; i += 1) word |= bytes[start + i]! << (8 * i);
  return word;
}

/** The second word: the last four bytes (overlapping the first for 4 to 7 bytes), or the length. */
function high(bytes: Uint8Array, start: number, end: number): number {
  if (end - start < 4) return end - start;
  return bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16) | (bytes[end - 1]! << 24);
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
