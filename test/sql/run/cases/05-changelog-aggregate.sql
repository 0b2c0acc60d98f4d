-- case: an aggregate without a window emits the group's updated row for every input row (a changelog)
-- oracle: duckdb
/* oracle
SELECT sym,
  count(*) OVER w, sum(qty) OVER w, max(price) OVER w, avg(price) OVER w
FROM trades
WINDOW w AS (PARTITION BY sym ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, count(*) AS n, sum(qty) AS total, max(price) AS hi, avg(price) AS ap FROM trades GROUP BY sym;
