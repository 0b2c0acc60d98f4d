/**
 * Zig-zag LEB128 varints as record batch v2 uses them (VARINT = 32-bit,
 * VARLONG = 64-bit). VARLONGs are read into JS numbers: record timestamp
 * deltas and lengths are far below 2^53, so no bigint is allocated per record.
 *
 * `VarintCursor` keeps the position in a field (no closures, no allocation per
 * value); every read is bounds-checked against `end` and a bad varint throws
 * CORRUPT_BATCH.
 */
import { LogError } from '../errors.js';

function corrupt(what: string, at: number): LogError {
  return new LogError('GALE_ERR_LOG_CORRUPT_BATCH', `malformed record: ${what} at byte ${at}`);
}

export class VarintCursor {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    readonly end: number,
  ) {}

  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    let u = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= this.end) throw corrupt('truncated varint', pos);
      const b = buf[pos++]!;
      u |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        return (u >>> 1) ^ -(u & 1);
      }
    }
    throw corrupt('varint longer than 5 bytes', this.pos);
  }

  varlong(): number {
    const buf = this.buf;
    let pos = this.pos;
    let u = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= this.end) throw corrupt('truncated varlong', pos);
      const b = buf[pos++]!;
      u += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        this.pos = pos;
        return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
      }
      scale *= 128;
    }
    throw corrupt('varlong longer than 10 bytes', this.pos);
  }

  int8(): number {
    if (this.pos >= this.end) throw corrupt('truncated record', this.pos);
    return this.buf[this.pos++]!;
  }

  /** Skips `n` bytes and returns where they started. */
  take(n: number): number {
    const at = this.pos;
    if (n < 0 || at + n > this.end) throw corrupt(`length ${n} past the end of the record`, at);
    this.pos = at + n;
    return at;
  }
}

export function sizeOfVarint(n: number): number {
  let u = ((n << 1) ^ (n >> 31)) >>> 0;
  let size = 1;
  while (u >= 0x80) {
    u >>>= 7;
    size++;
  }
  return size;
}

export function sizeOfVarlong(n: number): number {
  let u = n >= 0 ? n * 2 : -n * 2 - 1;
  let size = 1;
  while (u >= 128) {
    u = Math.floor(u / 128);
    size++;
  }
  return size;
}

/** Writes a zig-zag VARINT at `at`; returns the position after it. */
export function writeVarint(buf: Uint8Array, at: number, n: number): number {
  let u = ((n << 1) ^ (n >> 31)) >>> 0;
  while (u >= 0x80) {
    buf[at++] = (u & 0x7f) | 0x80;
    u >>>= 7;
  }
  buf[at++] = u;
  return at;
}

export function writeVarlong(buf: Uint8Array, at: number, n: number): number {
  let u = n >= 0 ? n * 2 : -n * 2 - 1;
  while (u >= 128) {
    buf[at++] = (u % 128) | 0x80;
    u = Math.floor(u / 128);
  }
  buf[at++] = u;
  return at;
}
