-- case: stranger: a memory table in a tuple join (FROM s[w], t WHERE ...) is a lookup: every stream tuple against the table's rows, the WHERE as the condition (key and non-key parts)
-- oracle: duckdb
/* oracle
SELECT t.seq, r.sector FROM trades t, refs r WHERE t.sym = r.sym AND t.qty > r.lot // 10
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
CREATE INPUT STREAM ref_rows (sym string, sector string, lot long) WITH (FILE = 'refs.jsonl');
CREATE MEMORY TABLE refs (sym string, sector string, lot long, PRIMARY KEY (sym));
INSERT INTO refs SELECT sym, sector, lot FROM ref_rows;
SELECT t.seq, r.sector FROM refs AS r, trades[SIZE 10 ON ts] AS t WHERE t.sym = r.sym AND t.qty > r.lot / 10 INTO out;
