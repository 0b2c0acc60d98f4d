-- case: stranger: LIMIT on a PATTERN query (no window): the first n matches, in the order they complete
-- oracle: duckdb
/* oracle
SELECT a.seq, b.seq FROM events a, events b
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy' AND b.seq > a.seq AND b.ts - a.ts <= 30000
ORDER BY b.seq, a.seq LIMIT 5
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT a.seq AS aseq, b.seq AS bseq
FROM PATTERN events AS a THEN events AS b WITHIN 30 ON ts
WHERE a.usr = b.usr AND a.kind = 'login' AND b.kind = 'buy'
LIMIT 5;
