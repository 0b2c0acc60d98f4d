/**
 * Hand-written reference computations for cases SQL cannot express simply
 * (TUPLES windows, statements whose meaning depends on the arrival order of
 * two streams). Written straight from the dialect's definitions, sharing no
 * code with the runtime.
 */
import type { Row } from '../../../src/runtime/message.js';
import type { DataSet, Record_ } from './data.js';

type Reference = (sets: readonly DataSet[]) => Row[];

const set = (sets: readonly DataSet[], name: string): readonly Record_[] => sets.find((s) => s.name === name)!.rows;

/** Window i of a partition holds its tuples i·A … i·A+S−1; every window that received a tuple is emitted. */
function tupleWindows(rows: readonly Record_[], size: number, advance: number, part: (r: Record_) => string): { key: string; k: number; rows: Record_[] }[] {
  const byPart = new Map<string, Record_[]>();
  for (const r of rows) byPart.set(part(r), [...(byPart.get(part(r)) ?? []), r]);
  const out: { key: string; k: number; rows: Record_[] }[] = [];
  for (const [key, list] of byPart) {
    for (let k = 0; k * advance < list.length; k++) out.push({ key, k, rows: list.slice(k * advance, k * advance + size) });
  }
  return out;
}

export const REFERENCES: Record<string, Reference> = {
  /** SELECT sym, count(*), sum(qty), firstval(seq), lastval(seq), window_start(), window_end() FROM trades[SIZE 4 ADVANCE 3 TUPLES PARTITION BY sym] */
  tuplesPartitioned: (sets) =>
    tupleWindows(set(sets, 'trades'), 4, 3, (r) => String(r['sym'])).map((w) => {
      const qs = w.rows.map((r) => r['qty']).filter((q): q is number => typeof q === 'number');
      return [w.key, w.rows.length, qs.length === 0 ? null : qs.reduce((a, b) => a + b, 0), w.rows[0]!['seq']!, w.rows[w.rows.length - 1]!['seq']!, w.k * 3, w.k * 3 + 4];
    }),

  /** The same over the whole stream (no PARTITION BY), grouped by side inside each window. */
  tuplesGrouped: (sets) =>
    tupleWindows(set(sets, 'trades'), 10, 10, () => '').flatMap((w) => {
      const groups = new Map<string, Record_[]>();
      for (const r of w.rows) groups.set(String(r['side']), [...(groups.get(String(r['side'])) ?? []), r]);
      return [...groups].map(([side, rows]) => [side, rows.length, Math.max(...rows.map((r) => r['seq'] as number)), w.k * 10, w.k * 10 + 10]);
    }),

  /**
   * Positions per symbol: a REPLACE per trade (qty signed by side), and each
   * quote above 90 deletes its symbol's position, RETURNING it. The two files
   * are read merged in event-time order (on equal times, trades first: they
   * are declared first).
   */
  positionsDeletedByQuotes: (sets) => {
    const trades = set(sets, 'trades').map((r) => ({ s: 0, r }));
    const quotes = set(sets, 'quotes').map((r) => ({ s: 1, r }));
    const merged = [...trades, ...quotes].sort(
      (a, b) => (a.r['ts'] as number) - (b.r['ts'] as number) || a.s - b.s || (a.r['seq'] as number) - (b.r['seq'] as number),
    );
    const table = new Map<string, Row>();
    const out: Row[] = [];
    for (const { s, r } of merged) {
      if (s === 0) {
        const q = r['qty'] === null ? null : (r['side'] === 'buy' ? 1 : -1) * (r['qty'] as number);
        table.set(String(r['sym']), [r['sym']!, q, r['seq']!]);
      } else if ((r['bid'] as number) > 90) {
        const row = table.get(String(r['sym']));
        if (row !== undefined) {
          table.delete(String(r['sym']));
          out.push([row[0]!, row[1]!, r['seq']!]);
        }
      }
    }
    return out;
  },

  /**
   * UPDATE ... USING: each quote sets last_bid on its symbol's row in a table
   * seeded from the reference file (read before the streams); each trade then
   * reads it (lookup), in merged event-time order.
   */
  lastBidSeenByTrades: (sets) => {
    const trades = set(sets, 'trades').map((r) => ({ s: 0, r }));
    const quotes = set(sets, 'quotes').map((r) => ({ s: 1, r }));
    const merged = [...trades, ...quotes].sort(
      (a, b) => (a.r['ts'] as number) - (b.r['ts'] as number) || a.s - b.s || (a.r['seq'] as number) - (b.r['seq'] as number),
    );
    const bids = new Map<string, number | null>(set(sets, 'refs').map((r) => [String(r['sym']), null]));
    const out: Row[] = [];
    for (const { s, r } of merged) {
      const sym = String(r['sym']);
      if (s === 1) {
        if (bids.has(sym)) bids.set(sym, r['bid'] as number);
      } else if (bids.has(sym)) {
        out.push([r['seq']!, bids.get(sym)!]);
      }
    }
    return out;
  },

  /** DECLARE lot_max long DEFAULT 0 UPDATE FROM (SELECT max(lot) FROM ref_rows): reference rows are read first, so trades see the final value. */
  variableFromReference: (sets) => {
    const lotMax = Math.max(...set(sets, 'refs').map((r) => r['lot'] as number));
    return set(sets, 'trades')
      .filter((r) => r['qty'] !== null && (r['qty'] as number) * 10 > lotMax)
      .map((r) => [r['seq']!, lotMax]);
  },
};
