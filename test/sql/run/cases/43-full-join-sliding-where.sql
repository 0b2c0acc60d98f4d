-- case: stranger: FULL OUTER JOIN of sliding ON-timestamp windows (SIZE 4 ADVANCE 2) with a WHERE that reads the NULL-extended side (applied after the join, as in SQL)
-- oracle: duckdb
/* oracle
WITH m AS (
  SELECT t.seq AS tseq, q.seq AS qseq, t.sym AS tsym, q.bid AS bid FROM trades t FULL JOIN quotes q
    ON t.sym = q.sym AND t.price > 60
    -- some sliding window [2k, 2k + 4) s contains both
    AND floor(greatest(t.ts, q.ts) / 2000.0) - 1 <= floor(least(t.ts, q.ts) / 2000.0)
)
SELECT tseq, qseq, tsym, bid FROM m WHERE bid IS NULL OR bid < 40
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = 'ts');
CREATE WINDOW w4 (SIZE 4 ADVANCE 2 ON ts);
SELECT t.seq AS tseq, q.seq AS qseq, t.sym AS tsym, q.bid
FROM trades[w4] AS t FULL JOIN quotes[w4] AS q ON t.sym = q.sym AND t.price > 60
WHERE q.bid IS NULL OR q.bid < 40;
