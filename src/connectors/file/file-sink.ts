/**
 * Writes output rows as JSON lines (one object per row, fields in stream
 * order, timestamps ISO-8601 UTC with ms), CSV with a header, or plain lines
 * (FORMAT string), to a file or
 * to standard output. Writes are buffered; `close` flushes everything.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { Layout } from '../../runtime/layout.js';
import type { Row } from '../../runtime/message.js';
import type { RowSink } from '../../runtime/bolts/sink.js';
import { csvValue, jsonValue } from './values.js';
import type { FileFormat } from './file-source.js';

export type RowEncoder = (row: Row) => string;

/** One JSON object per row, keys in field order. */
export function jsonLineEncoder(layout: Layout): RowEncoder {
  const keys = layout.fields.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`);
  const types = layout.fields.map((f) => f.type);
  const n = keys.length;
  return (row) => {
    if (n === 0) return '{}';
    let s = '';
    for (let i = 0; i < n; i++) s += keys[i]! + jsonValue(row[i] ?? null, types[i]!);
    return `${s}}`;
  };
}

export function csvEncoder(layout: Layout): RowEncoder {
  const types = layout.fields.map((f) => f.type);
  return (row) => types.map((t, i) => csvValue(row[i] ?? null, t)).join(',');
}

export function csvHeader(layout: Layout): string {
  return layout.fields.map((f) => csvValue(f.name, 'string')).join(',');
}

/** A buffered text sink over a Node writable stream. */
class TextSink implements RowSink {
  private chunk = '';
  private closed = false;
  private failure: Error | undefined;

  constructor(
    readonly description: string,
    private readonly stream: NodeJS.WritableStream,
    private readonly encode: RowEncoder,
    private readonly ownsStream: boolean,
    header?: string,
  ) {
    if (header !== undefined) this.chunk = `${header}\n`;
    // a failing disk must not take the process down: remember it, report it on the next write
    stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  write(rows: Row[]): void | Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    for (let i = 0; i < rows.length; i++) this.chunk += `${this.encode(rows[i]!)}\n`;
    if (this.chunk.length < 1 << 16) return undefined;
    return this.flushChunk();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.failure !== undefined) throw this.failure;
    await this.flushChunk();
    if (this.ownsStream) {
      await new Promise<void>((resolve, reject) => {
        const s = this.stream as WriteStream;
        s.once('error', reject);
        s.end(() => resolve());
      });
    }
  }

  private flushChunk(): Promise<void> {
    if (this.chunk === '') return Promise.resolve();
    const text = this.chunk;
    this.chunk = '';
    return new Promise((resolve, reject) => {
      const ok = this.stream.write(text, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else this.stream.once('drain', () => resolve());
    });
  }
}

export function fileSink(options: { path: string; shown?: string; format: FileFormat; layout: Layout }): RowSink {
  mkdirSync(dirname(options.path), { recursive: true });
  const stream = createWriteStream(options.path, { encoding: 'utf8' });
  const shown = options.shown ?? options.path;
  if (options.format === 'csv') return new TextSink(`file ${shown} (csv)`, stream, csvEncoder(options.layout), true, csvHeader(options.layout));
  // FORMAT string: the one string field as the line (NULL as an empty line)
  if (options.format === 'string') return new TextSink(`file ${shown} (string)`, stream, (row) => String(row[0] ?? ''), true);
  return new TextSink(`file ${shown} (json)`, stream, jsonLineEncoder(options.layout), true);
}

/** JSON lines on standard output; with `label`, each line is prefixed with the stream name. */
export function stdoutSink(options: { layout: Layout; label?: string; stream?: NodeJS.WritableStream }): RowSink {
  const enc = jsonLineEncoder(options.layout);
  const label = options.label;
  return new TextSink(
    'stdout',
    options.stream ?? process.stdout,
    label === undefined ? enc : (r) => `${label} ${enc(r)}`,
    false,
  );
}
