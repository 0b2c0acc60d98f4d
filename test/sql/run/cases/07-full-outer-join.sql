-- case: SQL FULL OUTER JOIN of two windowed streams; unmatched tuples come out with NULLs for the other side
-- oracle: duckdb
/* oracle
SELECT t.seq, q.seq, t.sym, q.bid FROM trades t FULL JOIN quotes q
  ON t.sym = q.sym AND t.side = 'buy'
  AND ((t.ts >= q.ts AND t.ts - q.ts < 2000) OR (q.ts >= t.ts AND q.ts - t.ts < 2000))
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
SELECT t.seq AS tseq, q.seq AS qseq, t.sym, q.bid
FROM trades[SIZE 2 ADVANCE 2 ON ts] AS t FULL OUTER JOIN quotes[SIZE 2 ADVANCE 2 ON ts] AS q
  ON t.sym = q.sym AND t.side = 'buy';
