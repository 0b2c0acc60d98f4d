/**
 * Recycled buffers for large request frames. A produce request of a
 * megabyte arrives in many socket chunks and must be joined into one
 * buffer; a fresh buffer each time costs page faults on every byte (about
 * 10x the copy itself on this VM), so frames are assembled in buffers taken
 * from here and given back once the request is done with them.
 *
 * Only the connection gives frames back, and only Produce frames after the
 * log has settled their append (the log no longer reads the bytes then).
 * Other requests may leave views of their frame in long-lived state (group
 * metadata), so their buffers are never reused.
 */
const MIN_POOLED = 64 * 1024;

function classOf(n: number): number {
  let c = MIN_POOLED;
  while (c < n) c *= 2;
  return c;
}

export class FramePool {
  private readonly free = new Map<number, Buffer[]>();
  private readonly owned = new WeakSet<ArrayBufferLike>();
  private idleBytes = 0;

  constructor(private readonly maxIdleBytes = 64 * 1024 * 1024) {}

  /** A buffer of exactly `size` bytes (a view of a pooled one when large). */
  readonly take = (size: number): Buffer => {
    if (size < MIN_POOLED) return Buffer.allocUnsafe(size);
    const cls = classOf(size);
    const reused = this.free.get(cls)?.pop();
    if (reused !== undefined) {
      this.idleBytes -= cls;
      return reused.subarray(0, size);
    }
    const fresh = Buffer.allocUnsafeSlow(cls);
    this.owned.add(fresh.buffer);
    return fresh.subarray(0, size);
  };

  /** Returns a frame's buffer for reuse; frames this pool did not allocate are ignored. */
  give(frame: Buffer): void {
    const backing = frame.buffer;
    if (frame.byteOffset !== 0 || !this.owned.has(backing)) return;
    const cls = backing.byteLength;
    if (this.idleBytes + cls > this.maxIdleBytes) return;
    let list = this.free.get(cls);
    if (list === undefined) this.free.set(cls, (list = []));
    list.push(Buffer.from(backing, 0, cls));
    this.idleBytes += cls;
  }
}
