-- case: PATTERN a THEN NOT c THEN b: a login then a buy by the same user within 60 s, with no logout of theirs in between
-- oracle: duckdb
/* oracle
SELECT a.seq, b.seq FROM events a, events b
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy' AND b.seq > a.seq AND b.ts - a.ts <= 60000
  AND NOT EXISTS (SELECT 1 FROM events c WHERE c.usr = a.usr AND c.kind = 'logout' AND c.seq > a.seq AND c.seq < b.seq)
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = ts);
SELECT a.seq AS aseq, b.seq AS bseq
FROM PATTERN events AS a THEN NOT events AS c THEN events AS b WITHIN 60 ON ts
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy' AND c.usr = a.usr AND c.kind = 'logout';
