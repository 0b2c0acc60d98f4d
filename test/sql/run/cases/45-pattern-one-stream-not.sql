-- case: stranger: x THEN NOT n THEN y over ONE stream: the tuple that completes the match as y is not an n "in between", and a tuple that starts a match is not its own n (a login directly followed, for that user, by a buy within 60 s)
-- oracle: duckdb
/* oracle
SELECT x.seq, y.seq, x.usr FROM events x, events y
WHERE x.usr = y.usr AND x.kind = 'login' AND y.kind = 'buy' AND y.seq > x.seq AND y.ts - x.ts <= 60000
  AND NOT EXISTS (SELECT 1 FROM events n WHERE n.usr = x.usr AND n.seq > x.seq AND n.seq < y.seq)
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT x.seq AS xseq, y.seq AS yseq, x.usr
FROM PATTERN events AS x THEN NOT events AS n THEN events AS y WITHIN 60 ON ts
WHERE x.kind = 'login' AND y.kind = 'buy' AND x.usr = y.usr AND n.usr = x.usr;
