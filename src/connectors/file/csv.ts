/**
 * An incremental RFC 4180 CSV parser: feed it text chunks, get whole records
 * (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF
 * line ends). Each record knows the line it started on, for error messages.
 * A quoted field is marked so that "" (empty string) and an empty unquoted
 * field (NULL) can be told apart.
 */
export interface CsvField {
  readonly text: string;
  readonly quoted: boolean;
}

export interface CsvRecord {
  readonly fields: CsvField[];
  readonly line: number;
}

export class CsvParser {
  private field = '';
  private quoted = false;
  private inQuotes = false;
  /** a quote seen inside quotes: either the closing quote or the first of a doubled pair */
  private quotePending = false;
  private fields: CsvField[] = [];
  private line = 1;
  private recordLine = 1;
  private afterCr = false;

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // that was the closing quote; fall through to handle c
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (c === '\n') this.line++;
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '' && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else if (c === ',') {
        this.endField();
      } else if (c === '\n' || c === '\r') {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === '\r') this.afterCr = true;
      } else {
        this.field += c;
      }
    }
    return out;
  }

  /** The input ended: returns the last record if it had no line break after it. */
  end(out: CsvRecord[] = []): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.field !== '' || this.quoted || this.fields.length > 0) this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push({ text: this.field, quoted: this.quoted });
    this.field = '';
    this.quoted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    const f = this.fields;
    this.fields = [];
    // a blank line is not a record
    if (f.length === 1 && f[0]!.text === '' && !f[0]!.quoted) return;
    out.push({ fields: f, line: this.recordLine });
  }
}
