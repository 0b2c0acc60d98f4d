-- case: stream–table lookup joins (inner and left) against a memory table loaded from a reference file first
-- oracle: duckdb
-- output: out
/* oracle
SELECT t.seq, r.sector, t.qty * r.lot FROM trades t JOIN refs r ON t.sym = r.sym WHERE t.side = 'buy'
UNION ALL
SELECT t.seq, r.sector, NULL FROM trades t LEFT JOIN refs r ON t.sym = r.sym WHERE t.side = 'sell'
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM ref_rows (sym string, sector string, lot long) WITH (FILE = 'refs.jsonl');
CREATE MEMORY TABLE refs (sym string, sector string, lot long, PRIMARY KEY (sym));
CREATE STREAM out;
INSERT INTO refs SELECT sym, sector, lot FROM ref_rows;
SELECT t.seq, r.sector, t.qty * r.lot AS units FROM trades AS t JOIN refs AS r ON t.sym = r.sym WHERE t.side = 'buy' INTO out;
SELECT t.seq, r.sector, CAST(NULL AS long) AS units FROM trades AS t LEFT JOIN refs AS r ON t.sym = r.sym WHERE t.side = 'sell' INTO out;
