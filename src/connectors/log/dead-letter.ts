/**
 * The dead-letter topic of a stream, `<stream>.errors`: a record that does
 * not parse (and any other per-tuple error a query reports) is appended there
 * as a JSON object with the reason and where it came from, and the query
 * carries on. Writes are batched per event-loop turn; a failing append is
 * reported once through `onWriteError` and never stops the query.
 *
 *   {"reason": "...", "code": "GALE_ERR_...", "query": "q1",
 *    "source": {"topic": "orders", "partition": 0, "offset": 42},
 *    "key": "...", "value": "...", "time": "2024-01-02T03:04:05.678Z"}
 *
 * key / value are the original bytes as UTF-8 text, or `{"base64": ...}` when
 * they are not valid UTF-8.
 */
import type { Log } from '../../log/log.js';
import { encodeRecordBatch } from '../../log/record-batch/index.js';
import type { RecordInput } from '../../log/record-batch/index.js';

export interface DeadLetter {
  readonly reason: string;
  readonly code: string;
  readonly query?: string;
  readonly component?: string;
  readonly source?: { readonly topic: string; readonly partition: number; readonly offset: bigint };
  readonly key?: Buffer | null;
  readonly value?: Buffer | null;
  /** the tuple concerned, for errors raised while processing (not parsing) */
  readonly row?: readonly unknown[];
}

export function deadLetterTopic(stream: string): string {
  return `${stream}.errors`;
}

export class DeadLetterWriter {
  private pending: RecordInput[] = [];
  private scheduled = false;
  private tail: Promise<void> = Promise.resolve();
  private ready: Promise<void> | undefined;
  private warned = false;
  /** records handed to the writer so far */
  count = 0;

  constructor(
    private readonly log: Log,
    readonly topic: string,
    private readonly onWriteError: (err: unknown) => void = () => {},
  ) {}

  report(d: DeadLetter): void {
    this.count++;
    this.pending.push({ key: d.key ?? null, value: JSON.stringify(toJson(d)), timestamp: Date.now() });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Resolves once everything reported so far is appended (or failed). */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.drain();
    await this.tail;
  }

  private drain(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    this.tail = this.tail.then(async () => {
      try {
        this.ready ??= this.ensureTopic();
        await this.ready;
        await this.log.append({ topic: this.topic, partition: 0 }, encodeRecordBatch({ records }), { acks: -1 });
      } catch (err) {
        this.ready = undefined;
        if (!this.warned) {
          this.warned = true;
          this.onWriteError(err);
        }
      }
    });
  }

  private async ensureTopic(): Promise<void> {
    if ((await this.log.describeTopic(this.topic)) !== undefined) return;
    try {
      await this.log.createTopic(this.topic, { partitions: 1 });
    } catch (err) {
      // created meanwhile by someone else: fine
      if ((await this.log.describeTopic(this.topic)) === undefined) throw err;
    }
  }
}

function bytesJson(b: Buffer | null | undefined): unknown {
  if (b === null || b === undefined) return null;
  const text = b.toString('utf8');
  return Buffer.byteLength(text, 'utf8') === b.length && !text.includes('\uFFFD') ? text : { base64: b.toString('base64') };
}

function toJson(d: DeadLetter): Record<string, unknown> {
  const o: Record<string, unknown> = { reason: d.reason, code: d.code };
  if (d.query !== undefined) o['query'] = d.query;
  if (d.component !== undefined) o['component'] = d.component;
  if (d.source !== undefined) {
    o['source'] = { topic: d.source.topic, partition: d.source.partition, offset: Number(d.source.offset) };
  }
  if (d.key !== undefined) o['key'] = bytesJson(d.key);
  if (d.value !== undefined) o['value'] = bytesJson(d.value);
  if (d.row !== undefined) o['row'] = d.row;
  o['time'] = new Date().toISOString();
  return o;
}
