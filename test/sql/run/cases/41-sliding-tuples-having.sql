-- case: stranger: sliding TUPLES windows (SIZE 5 ADVANCE 2) PARTITION BY a field, GROUP BY another, HAVING on an aggregate alias; partial windows emit at the end of input
-- oracle: duckdb
/* oracle
WITH p AS (SELECT *, row_number() OVER (PARTITION BY usr ORDER BY seq) - 1 AS pos FROM events),
w AS (SELECT *, unnest(range(greatest(CAST(floor((pos - 5) / 2) AS BIGINT) + 1, 0), pos // 2 + 1)) AS k FROM p)
SELECT usr, kind, count(*) AS n, sum(amount), k * 2, k * 2 + 5 FROM w GROUP BY usr, kind, k HAVING count(*) >= 2
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT usr, kind, count(*) AS n, sum(amount) AS total, window_start() AS ws, window_end() AS we
FROM events[SIZE 5 ADVANCE 2 TUPLES PARTITION BY usr]
GROUP BY kind
HAVING n >= 2;
