-- case: sliding windows (SIZE 10 s ADVANCE 3 s OFFSET 1 s) with PARTITION BY and GROUP BY; every window containing a row counts it
-- oracle: duckdb
/* oracle
WITH w AS (
  SELECT *, unnest(range((ts - 1000 - 10000) // 3000 + 1, (ts - 1000) // 3000 + 1)) AS k FROM trades
)
SELECT side, sym, count(*), sum(qty), avg(price), min(qty), k * 3000 + 1000, k * 3000 + 1000 + 10000
FROM w GROUP BY side, sym, k
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT side, sym, count(*) AS n, sum(qty) AS sq, avg(price) AS ap, min(qty) AS mq, window_start() AS ws, window_end() AS we
FROM trades[SIZE 10 ADVANCE 3 ON ts PARTITION BY side OFFSET 1]
GROUP BY side, sym;
