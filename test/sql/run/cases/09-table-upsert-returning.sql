-- case: INSERT ... ON DUPLICATE KEY UPDATE into a BTREE-keyed memory table, RETURNING the row as written INTO a stream
-- oracle: duckdb
-- output: out
/* oracle
SELECT sym,
  sum(coalesce(qty, 0)) OVER w,
  count(*) OVER w
FROM trades
WINDOW w AS (PARTITION BY sym ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE MEMORY TABLE totals (sym string, total long, n long, PRIMARY KEY (sym) USING BTREE);
CREATE OUTPUT STREAM out;
INSERT INTO totals SELECT sym, coalesce(qty, 0) AS total, 1 AS n FROM trades
  ON DUPLICATE KEY UPDATE total = totals.total + total, n = totals.n + 1
  RETURNING sym, total, n INTO out;
