/**
 * The Kafka encoder's output: small fields go into one growable ByteWriter;
 * large byte blobs (record batches read from segment files) are kept by
 * reference and handed to the socket as separate chunks, so a fetch response
 * never copies the data it serves.
 */
import { ByteWriter } from '../../wire/byte-writer.js';

/** Blobs below this size are cheaper to copy than to track as a separate chunk. */
const COPY_BELOW = 4096;

interface Ref {
  readonly at: number;
  readonly buf: Uint8Array;
}

export class KafkaWriter {
  readonly out: ByteWriter;
  private readonly refs: Ref[] = [];
  private refBytes = 0;

  constructor(initialCapacity = 512) {
    this.out = new ByteWriter(initialCapacity);
  }

  /** Bytes written so far, including referenced blobs. */
  get length(): number {
    return this.out.length + this.refBytes;
  }

  /** Appends raw bytes, by reference when large. */
  raw(buf: Uint8Array): void {
    if (buf.length < COPY_BELOW) {
      this.out.bytes(buf);
      return;
    }
    this.refs.push({ at: this.out.length, buf });
    this.refBytes += buf.length;
  }

  /** The encoded bytes as chunks in order (views; valid until the writer is reused). */
  chunks(): Uint8Array[] {
    const all = this.out.finish();
    if (this.refs.length === 0) return [all];
    const parts: Uint8Array[] = [];
    let from = 0;
    for (const r of this.refs) {
      if (r.at > from) parts.push(all.subarray(from, r.at));
      parts.push(r.buf);
      from = r.at;
    }
    if (from < all.length) parts.push(all.subarray(from));
    return parts;
  }

  /** All bytes in one Buffer (copies when there are references). */
  toBuffer(): Buffer {
    const parts = this.chunks();
    return parts.length === 1 ? Buffer.from(parts[0]!.buffer, parts[0]!.byteOffset, parts[0]!.byteLength) : Buffer.concat(parts);
  }
}
