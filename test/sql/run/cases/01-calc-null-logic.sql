-- case: filter and projection: arithmetic, CASE, IN, BETWEEN, coalesce, ||, and three-valued NULL logic
-- oracle: duckdb
/* oracle
SELECT seq, price * qty,
       CASE WHEN price > 60 THEN 'high' WHEN price IS NULL THEN 'none' ELSE 'low' END,
       coalesce(qty, -1), upper(sym) || '-' || side, price > 50 AND qty < 10, qty % 7, qty // 3
FROM trades
WHERE (price > 30 OR qty > 15) AND sym IN ('AAA', 'BBB', 'DDD') AND NOT (side = 'sell' AND price BETWEEN 40 AND 45)
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT seq, price * qty AS notional,
       CASE WHEN price > 60 THEN 'high' WHEN price IS NULL THEN 'none' ELSE 'low' END AS band,
       coalesce(qty, -1) AS q, upper(sym) || '-' || side AS tag, price > 50 AND qty < 10 AS small,
       qty % 7 AS m, qty / 3 AS d
FROM trades
WHERE (price > 30 OR qty > 15) AND sym IN ('AAA', 'BBB', 'DDD') AND NOT (side = 'sell' AND price BETWEEN 40 AND 45);
