-- case: stranger: sliding window ON a numeric (non event-time) field: SIZE 50 ADVANCE 20 ON seq, window_start/window_end typed as the field (windows before 0 too)
-- oracle: duckdb
/* oracle
WITH w AS (SELECT *, unnest(range(CAST(floor((seq - 50) / 20) AS BIGINT) + 1, seq // 20 + 1)) AS k FROM events)
SELECT kind, count(*), count(amount), sum(amount), max(city), k * 20, k * 20 + 50 FROM w GROUP BY kind, k
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT kind, count(*) AS n, count(amount) AS na, sum(amount) AS total, max(city) AS mc,
       window_start() AS ws, window_end() AS we
FROM events[SIZE 50 ADVANCE 20 ON seq]
GROUP BY kind;
