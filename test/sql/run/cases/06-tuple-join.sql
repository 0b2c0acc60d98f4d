-- case: StreamBase tuple join of two windowed streams (a pair matches when the later tuple is inside the earlier one's window)
-- oracle: duckdb
/* oracle
SELECT t.seq, q.seq, t.price, q.bid FROM trades t, quotes q
WHERE t.sym = q.sym AND t.price > q.bid
  AND ((t.ts >= q.ts AND t.ts - q.ts < 3000) OR (q.ts >= t.ts AND q.ts - t.ts < 5000))
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
SELECT t.seq AS tseq, q.seq AS qseq, t.price, q.bid
FROM trades[SIZE 5 ADVANCE 5 ON ts] AS t, quotes[SIZE 3 ADVANCE 3 ON ts] AS q
WHERE t.sym = q.sym AND t.price > q.bid;
