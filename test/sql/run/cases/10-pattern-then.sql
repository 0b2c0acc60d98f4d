-- case: PATTERN a THEN b WITHIN 20 s ON ts, every combination that matches (per user: a login followed by a buy)
-- oracle: duckdb
/* oracle
SELECT a.seq, b.seq, a.usr FROM events a, events b
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy' AND b.seq > a.seq AND b.ts - a.ts <= 20000
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = ts);
SELECT a.seq AS aseq, b.seq AS bseq, a.usr
FROM PATTERN events AS a THEN events AS b WITHIN 20 ON ts
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy';
