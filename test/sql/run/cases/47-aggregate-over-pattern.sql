-- case: stranger: an aggregate over PATTERN matches is a changelog: one row per match with its group's running count (it failed to plan)
-- oracle: duckdb
/* oracle
WITH m AS (
  SELECT a.usr FROM events a, events b
  WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy' AND b.seq > a.seq AND b.ts - a.ts <= 30000
)
SELECT usr, row_number() OVER (PARTITION BY usr) FROM m
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT a.usr, count(*) AS matches
FROM PATTERN events AS a THEN events AS b WITHIN 30 ON ts
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy'
GROUP BY a.usr;
