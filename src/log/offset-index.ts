/**
 * Sparse offset index of one segment: `<base offset, 20 digits>.index`.
 *
 * On disk: a flat array of 8-byte entries, big-endian, as Kafka's OffsetIndex:
 *
 *   relativeOffset  INT32   batch base offset - segment base offset
 *   position        INT32   byte position of that batch in the .log file
 *
 * One entry per `index.interval.bytes` of log, both fields strictly
 * increasing. Not checksummed: it is rebuilt from the .log when missing or
 * inconsistent (`fromBytes` returns undefined), and the active segment's
 * index lives in memory and is written only when the segment is sealed (on
 * roll or clean close), by write-temp-then-rename so a file is whole or absent.
 *
 * Lookup: the entry with the largest relative offset <= the target, i.e. a
 * position at or before the batch that holds the target.
 */
export const OFFSET_ENTRY_SIZE = 8;

export class OffsetIndex {
  private buf: Buffer;
  private n: number;

  private constructor(buf: Buffer, n: number) {
    this.buf = buf;
    this.n = n;
  }

  static empty(): OffsetIndex {
    return new OffsetIndex(Buffer.allocUnsafe(64 * OFFSET_ENTRY_SIZE), 0);
  }

  /** Loads a persisted index; undefined when the bytes are not a consistent index for a log of `logSize` bytes. */
  static fromBytes(bytes: Buffer, logSize: number): OffsetIndex | undefined {
    if (bytes.length % OFFSET_ENTRY_SIZE !== 0) return undefined;
    const n = bytes.length / OFFSET_ENTRY_SIZE;
    let prevRel = -1;
    let prevPos = -1;
    for (let i = 0; i < n; i++) {
      const rel = bytes.readInt32BE(i * OFFSET_ENTRY_SIZE);
      const pos = bytes.readInt32BE(i * OFFSET_ENTRY_SIZE + 4);
      if (rel <= prevRel || pos <= prevPos || pos >= logSize) return undefined;
      prevRel = rel;
      prevPos = pos;
    }
    const buf = Buffer.allocUnsafe(Math.max(64, n * 2) * OFFSET_ENTRY_SIZE);
    bytes.copy(buf);
    return new OffsetIndex(buf, n);
  }

  get entries(): number {
    return this.n;
  }

  get sizeBytes(): number {
    return this.n * OFFSET_ENTRY_SIZE;
  }

  relativeOffsetAt(i: number): number {
    return this.buf.readInt32BE(i * OFFSET_ENTRY_SIZE);
  }

  positionAt(i: number): number {
    return this.buf.readInt32BE(i * OFFSET_ENTRY_SIZE + 4);
  }

  append(relativeOffset: number, position: number): void {
    if (this.n > 0 && (relativeOffset <= this.relativeOffsetAt(this.n - 1) || position <= this.positionAt(this.n - 1))) return;
    if ((this.n + 1) * OFFSET_ENTRY_SIZE > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.n * OFFSET_ENTRY_SIZE);
      this.buf = bigger;
    }
    this.buf.writeInt32BE(relativeOffset, this.n * OFFSET_ENTRY_SIZE);
    this.buf.writeInt32BE(position, this.n * OFFSET_ENTRY_SIZE + 4);
    this.n++;
  }

  /** Position of the last indexed batch starting at or before `relativeOffset` (0 if none). */
  lookup(relativeOffset: number): number {
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.relativeOffsetAt(mid) <= relativeOffset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : this.positionAt(found);
  }

  /** Drops entries at or beyond `position` (after a truncation). */
  truncateToPosition(position: number): void {
    while (this.n > 0 && this.positionAt(this.n - 1) >= position) this.n--;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.n * OFFSET_ENTRY_SIZE);
  }
}
