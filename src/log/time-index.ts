/**
 * Sparse time index of one segment: `<base offset, 20 digits>.timeindex`.
 *
 * On disk: a flat array of 12-byte entries, big-endian, as Kafka's TimeIndex:
 *
 *   timestamp       INT64   largest batch maxTimestamp seen up to this batch
 *   relativeOffset  INT32   base offset of that batch - segment base offset
 *
 * Meaning of an entry (T, r): every batch starting at or before r has
 * maxTimestamp <= T. Timestamps strictly increase; an entry is added at most
 * every `index.interval.bytes`, and sealing the segment adds a last entry with
 * the segment's largest timestamp, so the last entry is the segment's max
 * timestamp (what time retention and lookups by time start from). Rebuilt from
 * the log like the offset index; never checksummed.
 */
export const TIME_ENTRY_SIZE = 12;

export class TimeIndex {
  private buf: Buffer;
  private n: number;

  private constructor(buf: Buffer, n: number) {
    this.buf = buf;
    this.n = n;
  }

  static empty(): TimeIndex {
    return new TimeIndex(Buffer.allocUnsafe(64 * TIME_ENTRY_SIZE), 0);
  }

  static fromBytes(bytes: Buffer): TimeIndex | undefined {
    if (bytes.length % TIME_ENTRY_SIZE !== 0) return undefined;
    const n = bytes.length / TIME_ENTRY_SIZE;
    let prevTs = -Infinity;
    let prevRel = -1;
    for (let i = 0; i < n; i++) {
      const ts = Number(bytes.readBigInt64BE(i * TIME_ENTRY_SIZE));
      const rel = bytes.readInt32BE(i * TIME_ENTRY_SIZE + 8);
      if (ts <= prevTs || rel < prevRel) return undefined;
      prevTs = ts;
      prevRel = rel;
    }
    const buf = Buffer.allocUnsafe(Math.max(64, n * 2) * TIME_ENTRY_SIZE);
    bytes.copy(buf);
    return new TimeIndex(buf, n);
  }

  get entries(): number {
    return this.n;
  }

  timestampAt(i: number): number {
    return Number(this.buf.readBigInt64BE(i * TIME_ENTRY_SIZE));
  }

  relativeOffsetAt(i: number): number {
    return this.buf.readInt32BE(i * TIME_ENTRY_SIZE + 8);
  }

  /** Largest timestamp indexed, -1 when empty. */
  get lastTimestamp(): number {
    return this.n === 0 ? -1 : this.timestampAt(this.n - 1);
  }

  append(timestamp: number, relativeOffset: number): void {
    if (this.n > 0 && (timestamp <= this.timestampAt(this.n - 1) || relativeOffset < this.relativeOffsetAt(this.n - 1))) return;
    if ((this.n + 1) * TIME_ENTRY_SIZE > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.n * TIME_ENTRY_SIZE);
      this.buf = bigger;
    }
    this.buf.writeBigInt64BE(BigInt(timestamp), this.n * TIME_ENTRY_SIZE);
    this.buf.writeInt32BE(relativeOffset, this.n * TIME_ENTRY_SIZE + 8);
    this.n++;
  }

  /**
   * Relative offset to start scanning from for the first record with
   * timestamp >= `target`: the last entry whose timestamp is below the target
   * (every batch up to it is older), or 0.
   */
  lookup(target: number): number {
    let lo = 0;
    let hi = this.n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timestampAt(mid) < target) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : this.relativeOffsetAt(found);
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.n * TIME_ENTRY_SIZE);
  }
}
