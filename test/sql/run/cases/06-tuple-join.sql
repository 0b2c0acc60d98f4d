-- case: StreamBase tuple join of a sliding and a tumbling window (a pair matches when the earlier tuple is in its side's oldest window still open at the later one's time)
-- oracle: duckdb
/* oracle
SELECT t.seq, q.seq, t.price, q.bid FROM trades t, quotes q
WHERE t.sym = q.sym AND t.price > q.bid
  AND ((q.ts <= t.ts AND q.ts >= floor(t.ts / 3000.0) * 3000)
    OR (t.ts <= q.ts AND t.ts >= (floor((q.ts - 5000) / 2000.0) + 1) * 2000))
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = ts);
SELECT t.seq AS tseq, q.seq AS qseq, t.price, q.bid
FROM trades[SIZE 5 ADVANCE 2 ON ts] AS t, quotes[SIZE 3 ADVANCE 3 ON ts] AS q
WHERE t.sym = q.sym AND t.price > q.bid;
