-- case: HAVING, then ORDER BY ... LIMIT within each window (the top symbol by volume per 20 s window)
-- oracle: duckdb
/* oracle
SELECT sym, vol, n, we FROM (
  SELECT sym, sum(qty) AS vol, count(*) AS n, (ts // 20000) * 20000 + 20000 AS we FROM trades
  GROUP BY sym, ts // 20000 HAVING count(*) > 2
) QUALIFY row_number() OVER (PARTITION BY we ORDER BY vol DESC NULLS LAST, sym) = 1
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, sum(qty) AS vol, count(*) AS n, window_end() AS we
FROM trades[SIZE 20 ADVANCE 20 ON ts]
GROUP BY sym
HAVING count(*) > 2
ORDER BY vol DESC, sym
LIMIT 1;
