/**
 * Timestamps as text: parsing ISO-8601-like strings (UTC unless an offset is
 * given) and formatting epoch milliseconds. Written by hand because Date.parse
 * accepts and rejects different strings on different engines.
 */

// 2024-01-02, 2024-01-02 03:04, 2024-01-02T03:04:05, 2024-01-02 03:04:05.678Z, ...+02:00
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Epoch ms for an ISO-like timestamp string, or undefined if it is not one. Fractions beyond ms are truncated. */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP_RE.exec(text.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12) return undefined;
  const dim = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > dim || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMin = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return undefined;
    offsetMin = sign * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000;
}

/** `2024-01-02T03:04:05.678Z` — the form timestamps take in JSON output and in string(ts). */
export function formatTimestampIso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const FORMAT_TOKEN_RE = /yyyy|MM|dd|HH|mm|ss|SSS|'[^']*'/g;

/**
 * format_time patterns (UTC): `yyyy` year, `MM` month, `dd` day, `HH` hour
 * (00–23), `mm` minute, `ss` second, `SSS` milliseconds; text in single quotes
 * is copied; every other character is copied as is.
 */
export function formatTime(ms: number, pattern: string): string {
  const d = new Date(ms);
  return pattern.replace(FORMAT_TOKEN_RE, (tok) => {
    switch (tok) {
      case 'yyyy':
        return pad(d.getUTCFullYear(), 4);
      case 'MM':
        return pad(d.getUTCMonth() + 1, 2);
      case 'dd':
        return pad(d.getUTCDate(), 2);
      case 'HH':
        return pad(d.getUTCHours(), 2);
      case 'mm':
        return pad(d.getUTCMinutes(), 2);
      case 'ss':
        return pad(d.getUTCSeconds(), 2);
      case 'SSS':
        return pad(d.getUTCMilliseconds(), 3);
      default:
        return tok.slice(1, -1);
    }
  });
}

export const TIME_UNITS = ['millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export const DATE_PART_FIELDS = [...TIME_UNITS, 'dow', 'doy', 'epoch'] as const;

/** date_part / EXTRACT: the field of a timestamp (UTC), or undefined for an unknown field. */
export function datePart(field: string, ms: number): number | undefined {
  const d = new Date(ms);
  switch (field.toLowerCase()) {
    case 'millisecond':
      return d.getUTCMilliseconds();
    case 'second':
      return d.getUTCSeconds();
    case 'minute':
      return d.getUTCMinutes();
    case 'hour':
      return d.getUTCHours();
    case 'day':
      return d.getUTCDate();
    case 'week':
      return isoWeek(d);
    case 'month':
      return d.getUTCMonth() + 1;
    case 'quarter':
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'year':
      return d.getUTCFullYear();
    case 'dow':
      return d.getUTCDay();
    case 'doy':
      return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
    case 'epoch':
      return Math.floor(ms / 1000);
    default:
      return undefined;
  }
}

function isoWeek(d: Date): number {
  const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = t + (3 - dow) * 86_400_000;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / (7 * 86_400_000)) + 1;
}

/** date_trunc: the start of the unit containing ms (UTC; weeks start on Monday), or undefined for an unknown unit. */
export function dateTrunc(unit: string, ms: number): number | undefined {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  switch (unit.toLowerCase()) {
    case 'millisecond':
      return ms;
    case 'second':
      return Math.floor(ms / 1000) * 1000;
    case 'minute':
      return Math.floor(ms / 60_000) * 60_000;
    case 'hour':
      return Math.floor(ms / 3_600_000) * 3_600_000;
    case 'day':
      return Math.floor(ms / 86_400_000) * 86_400_000;
    case 'week': {
      const day = Math.floor(ms / 86_400_000) * 86_400_000;
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    case 'month':
      return Date.UTC(y, mo, 1);
    case 'quarter':
      return Date.UTC(y, mo - (mo % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
    default:
      return undefined;
  }
}
