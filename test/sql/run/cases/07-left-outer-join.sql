-- case: SQL LEFT OUTER JOIN of two windowed streams; tumbling windows pair tuples of the same window; unmatched tuples come out with NULLs for the other side
-- oracle: duckdb
/* oracle
SELECT t.seq, q.seq, t.sym, q.bid FROM trades t LEFT JOIN quotes q
  ON t.sym = q.sym AND t.side = 'buy'
  AND floor(t.ts / 2000.0) = floor(q.ts / 2000.0)
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
SELECT t.seq AS tseq, q.seq AS qseq, t.sym, q.bid
FROM trades[SIZE 2 ADVANCE 2 ON ts] AS t LEFT OUTER JOIN quotes[SIZE 2 ADVANCE 2 ON ts] AS q
  ON t.sym = q.sym AND t.side = 'buy';
