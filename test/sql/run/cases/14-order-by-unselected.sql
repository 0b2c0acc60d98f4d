-- case: ORDER BY an aggregate that is not selected, with LIMIT 2, per sliding window
-- oracle: duckdb
/* oracle
WITH w AS (SELECT *, unnest(range((ts - 20000) // 10000 + 1, ts // 10000 + 1)) AS k FROM trades)
SELECT sym, n, we FROM (
  SELECT sym, count(*) AS n, sum(price * qty) AS notional, k * 10000 + 20000 AS we FROM w GROUP BY sym, k
) QUALIFY row_number() OVER (PARTITION BY we ORDER BY notional DESC NULLS LAST, sym DESC) <= 2
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, count(*) AS n, window_end() AS we
FROM trades[SIZE 20 ADVANCE 10 ON ts]
GROUP BY sym
ORDER BY sum(price * qty) DESC, sym DESC
LIMIT 2;
