/**
 * Reads JSON-lines, CSV (with a header) or plain-text files (FORMAT string:
 * each line is the value of the stream's one string field) as a bounded source: one
 * spout task per file, rows in the stream's field order. A record that does
 * not parse or whose value does not fit its field's type goes to the error
 * stream with the file and line, and reading carries on.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Layout } from '../../runtime/layout.js';
import type { Row, Value } from '../../runtime/message.js';
import type { Source, SourceBatch, SourceContext, SourceReader } from '../../runtime/spouts/source.js';
import { CsvParser, type CsvRecord } from './csv.js';
import { BadValue, coerce } from './values.js';

export type FileFormat = 'json' | 'csv' | 'string';

export interface FileSourceOptions {
  /** one task per file */
  readonly paths: readonly string[];
  readonly format: FileFormat;
  readonly layout: Layout;
  readonly timestampField?: number;
  /** how the paths were written (for EXPLAIN and error messages) */
  readonly displayPaths?: readonly string[];
}

const CHUNK = 1 << 20;

export class FileSource implements Source {
  readonly bounded = true;
  readonly layout: Layout;
  readonly timestampField?: number;
  readonly description: string;

  constructor(private readonly options: FileSourceOptions) {
    this.layout = options.layout;
    if (options.timestampField !== undefined) this.timestampField = options.timestampField;
    this.description = `file ${(options.displayPaths ?? options.paths).join(', ')} (${options.format})`;
  }

  get partitions(): number {
    return this.options.paths.length;
  }

  open(partition: number, ctx: SourceContext): SourceReader {
    const path = this.options.paths[partition]!;
    const shown = (this.options.displayPaths ?? this.options.paths)[partition] ?? path;
    if (this.options.format === 'csv') return new CsvReader(path, shown, this.layout, ctx);
    if (this.options.format === 'string') return new TextLinesReader(path, shown, this.layout, ctx);
    return new JsonLinesReader(path, shown, this.layout, ctx);
  }
}

/** Shared chunked reading: subclasses turn text into rows. */
abstract class ChunkReader implements SourceReader {
  private fh: FileHandle | undefined;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private readonly decoder = new StringDecoder('utf8');
  protected pending: Row[] = [];
  private eof = false;
  private failed = false;

  constructor(
    protected readonly path: string,
    protected readonly shown: string,
    protected readonly layout: Layout,
    protected readonly ctx: SourceContext,
  ) {}

  async next(maxRows: number): Promise<SourceBatch | null> {
    while (this.pending.length < maxRows && !this.eof) await this.readChunk();
    if (this.pending.length === 0) return null;
    const rows = this.pending.length <= maxRows ? this.pending : this.pending.slice(0, maxRows);
    this.pending = this.pending.length <= maxRows ? [] : this.pending.slice(maxRows);
    return { rows };
  }

  async close(): Promise<void> {
    await this.fh?.close();
    this.fh = undefined;
  }

  protected abstract text(chunk: string): void;
  protected abstract finish(): void;

  protected bad(line: number, reason: string): void {
    this.ctx.errors.report({
      code: 'GALE_ERR_RUNTIME_BAD_RECORD',
      reason: `${this.shown}:${line}: ${reason}`,
      component: this.ctx.component,
      file: this.shown,
      line,
    });
  }

  private async readChunk(): Promise<void> {
    try {
      this.fh ??= await open(this.path, 'r');
      const { bytesRead } = await this.fh.read(this.buf, 0, CHUNK, null);
      if (bytesRead === 0) {
        this.text(this.decoder.end());
        this.finish();
        this.eof = true;
        await this.close();
        return;
      }
      this.text(this.decoder.write(this.buf.subarray(0, bytesRead)));
    } catch (err) {
      if (!this.failed) {
        this.failed = true;
        this.ctx.errors.report({
          code: 'GALE_ERR_RUNTIME_SOURCE',
          reason: `cannot read ${this.shown}: ${err instanceof Error ? err.message : String(err)}`,
          component: this.ctx.component,
          file: this.shown,
        });
      }
      this.eof = true;
    }
  }
}

class JsonLinesReader extends ChunkReader {
  private rest = '';
  private line = 0;
  private readonly names = this.layout.fields.map((f) => f.name);
  private readonly types = this.layout.fields.map((f) => f.type);

  protected text(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line++;
      this.record(text.slice(start, nl), this.line);
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  protected finish(): void {
    if (this.rest.length > 0) {
      this.line++;
      this.record(this.rest, this.line);
      this.rest = '';
    }
  }

  private record(raw: string, line: number): void {
    const s = raw.trim();
    if (s === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(s);
    } catch (err) {
      this.bad(line, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      this.bad(line, 'a JSON line must be an object');
      return;
    }
    const o = obj as Record<string, unknown>;
    const n = this.names.length;
    const row = new Array<Value>(n);
    try {
      for (let i = 0; i < n; i++) {
        const name = this.names[i]!;
        let v = o[name];
        if (v === undefined) v = lookupIgnoringCase(o, name);
        row[i] = coerce(v, this.types[i]!);
      }
    } catch (err) {
      if (!(err instanceof BadValue)) throw err;
      this.bad(line, err.message);
      return;
    }
    this.pending.push(row);
  }
}

/** FORMAT string: every line (without its line break) is one row of the one string field. */
class TextLinesReader extends ChunkReader {
  private rest = '';

  protected text(chunk: string): void {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop()!;
    for (const l of lines) this.pending.push([l.endsWith('\r') ? l.slice(0, -1) : l]);
  }

  protected finish(): void {
    if (this.rest.length > 0) this.pending.push([this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest]);
    this.rest = '';
  }
}

function lookupIgnoringCase(o: Record<string, unknown>, name: string): unknown {
  const want = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === want) return o[k];
  return undefined;
}

class CsvReader extends ChunkReader {
  private readonly parser = new CsvParser();
  private columns: number[] | undefined;
  private readonly types = this.layout.fields.map((f) => f.type);
  private readonly records: CsvRecord[] = [];

  protected text(chunk: string): void {
    this.parser.push(chunk, this.records);
    this.drain();
  }

  protected finish(): void {
    this.parser.end(this.records);
    this.drain();
  }

  private drain(): void {
    for (const rec of this.records) {
      if (this.columns === undefined) {
        this.header(rec);
        continue;
      }
      const row = new Array<Value>(this.types.length).fill(null);
      try {
        for (let c = 0; c < rec.fields.length; c++) {
          const f = this.columns[c];
          if (f === undefined || f < 0) continue;
          const field = rec.fields[c]!;
          const t = this.types[f]!;
          // an empty unquoted field is NULL; "" is the empty string
          row[f] = field.text === '' && !field.quoted ? null : coerce(t === 'string' ? field.text : field.text.trim(), t);
        }
      } catch (err) {
        if (!(err instanceof BadValue)) throw err;
        this.bad(rec.line, err.message);
        continue;
      }
      this.pending.push(row);
    }
    this.records.length = 0;
  }

  private header(rec: CsvRecord): void {
    // the header names the columns; they map to fields by name (exactly, else ignoring case), in any order
    const exact = new Map(this.layout.fields.map((f, i) => [f.name, i]));
    this.columns = rec.fields.map((f) => exact.get(f.text.trim()) ?? this.layout.indexOf(f.text.trim()));
    const missing = this.layout.fields.filter((_, i) => !this.columns!.includes(i)).map((f) => f.name);
    if (missing.length > 0) {
      this.bad(rec.line, `header has no column for ${missing.join(', ')} (those fields will be NULL)`);
    }
  }
}
