/**
 * The generated input data sets the differential cases run over: seeded and
 * deterministic, written as JSON lines for Gale and loaded as tables into
 * DuckDB. Timestamps increase (with ties) so that event time is ordered per
 * file; values include NULLs, duplicates and ties on purpose.
 */
export type Cell = number | string | boolean | null;
export type Record_ = Record<string, Cell>;

export interface DataSet {
  readonly name: string;
  /** column name → DuckDB type (timestamps are BIGINT epoch ms there) */
  readonly columns: readonly (readonly [string, string])[];
  readonly rows: readonly Record_[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), s | 61);
    return ((s ^ (s >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.UTC(2024, 0, 1);

function trades(n: number, seed: number): DataSet {
  const r = rng(seed);
  const syms = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
  let ts = BASE;
  const rows: Record_[] = [];
  for (let i = 0; i < n; i++) {
    ts += Math.floor(r() * 900); // ties happen (0 ms apart)
    rows.push({
      seq: i,
      ts,
      sym: syms[Math.floor(r() * syms.length)]!,
      price: r() < 0.05 ? null : Math.round((20 + r() * 80) * 100) / 100,
      qty: r() < 0.05 ? null : 1 + Math.floor(r() * 20),
      side: r() < 0.5 ? 'buy' : 'sell',
    });
  }
  return {
    name: 'trades',
    columns: [['seq', 'BIGINT'], ['ts', 'BIGINT'], ['sym', 'VARCHAR'], ['price', 'DOUBLE'], ['qty', 'BIGINT'], ['side', 'VARCHAR']],
    rows,
  };
}

function quotes(n: number, seed: number): DataSet {
  const r = rng(seed);
  const syms = ['AAA', 'BBB', 'CCC', 'DDD', 'ZZZ'];
  let ts = BASE + 137;
  const rows: Record_[] = [];
  for (let i = 0; i < n; i++) {
    ts += 1 + Math.floor(r() * 1300);
    rows.push({ seq: i, ts, sym: syms[Math.floor(r() * syms.length)]!, bid: Math.round((20 + r() * 80) * 100) / 100 });
  }
  return { name: 'quotes', columns: [['seq', 'BIGINT'], ['ts', 'BIGINT'], ['sym', 'VARCHAR'], ['bid', 'DOUBLE']], rows };
}

function refs(): DataSet {
  const rows: Record_[] = [
    { sym: 'AAA', sector: 'tech', lot: 100 },
    { sym: 'BBB', sector: 'energy', lot: 50 },
    { sym: 'CCC', sector: 'tech', lot: 10 },
    { sym: 'EEE', sector: 'health', lot: 1 },
  ];
  return { name: 'refs', columns: [['sym', 'VARCHAR'], ['sector', 'VARCHAR'], ['lot', 'BIGINT']], rows };
}

function events(n: number, seed: number): DataSet {
  const r = rng(seed);
  const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
  const kinds = ['login', 'view', 'view', 'buy', 'logout'];
  const cities = ['Lisbon', 'Porto', 'Madrid'];
  let ts = BASE;
  const rows: Record_[] = [];
  for (let i = 0; i < n; i++) {
    ts += 1 + Math.floor(r() * 4000);
    rows.push({
      seq: i,
      ts,
      usr: users[Math.floor(r() * users.length)]!,
      kind: kinds[Math.floor(r() * kinds.length)]!,
      city: cities[Math.floor(r() * cities.length)]!,
      amount: r() < 0.1 ? null : Math.round(r() * 50000) / 100,
    });
  }
  return {
    name: 'events',
    columns: [['seq', 'BIGINT'], ['ts', 'BIGINT'], ['usr', 'VARCHAR'], ['kind', 'VARCHAR'], ['city', 'VARCHAR'], ['amount', 'DOUBLE']],
    rows,
  };
}

export function dataSets(): DataSet[] {
  return [trades(700, 11), quotes(450, 23), refs(), events(500, 37)];
}
