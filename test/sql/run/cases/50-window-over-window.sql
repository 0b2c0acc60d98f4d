-- case: stranger: a windowed aggregate over the output of another (event time follows its window_end() column): per-10 s volumes per symbol, then the largest per 60 s
-- oracle: duckdb
/* oracle
WITH c10 AS (SELECT sym, sum(qty) AS vol, (ts // 10000) * 10000 + 10000 AS we FROM trades GROUP BY sym, ts // 10000)
SELECT sym, max(vol), count(*), (we // 60000) * 60000 FROM c10 GROUP BY sym, we // 60000
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
SELECT sym, sum(qty) AS vol, window_end() AS we FROM trades[SIZE 10 ON ts] GROUP BY sym INTO c10;
SELECT sym, max(vol) AS peak, count(*) AS windows, window_start() AS ws
FROM c10[SIZE 60 ON we OFFSET 0] GROUP BY sym INTO out;
