-- case: stranger: ORDER BY ... LIMIT over a sliding ON window with PARTITION BY cuts each partition's window separately (top 2 symbols by volume per side and window)
-- oracle: duckdb
/* oracle
WITH w AS (SELECT *, unnest(range((ts - 20000) // 10000 + 1, ts // 10000 + 1)) AS k FROM trades),
g AS (SELECT side, sym, sum(qty) AS vol, k * 10000 AS ws FROM w GROUP BY side, sym, k)
SELECT side, sym, vol, ws FROM g
QUALIFY row_number() OVER (PARTITION BY side, ws ORDER BY vol DESC NULLS LAST, sym) <= 2
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
SELECT side, sym, sum(qty) AS vol, window_start() AS ws
FROM trades[SIZE 20 ADVANCE 10 ON ts PARTITION BY side]
GROUP BY sym
ORDER BY vol DESC, sym
LIMIT 2;
