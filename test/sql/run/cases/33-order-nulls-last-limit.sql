-- case: stranger: ORDER BY ASC puts NULLs last; LIMIT 2 per window; ORDER BY two keys
-- oracle: duckdb
/* oracle
SELECT sym, mp, we FROM (
  SELECT sym, min(price) AS mp, (ts // 5000) * 5000 + 5000 AS we FROM trades GROUP BY sym, ts // 5000
) QUALIFY row_number() OVER (PARTITION BY we ORDER BY mp ASC NULLS LAST, sym DESC) <= 2
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
SELECT sym, min(price) AS mp, window_end() AS we
FROM trades[SIZE 5 ON ts]
GROUP BY sym
ORDER BY mp, sym DESC
LIMIT 2;
