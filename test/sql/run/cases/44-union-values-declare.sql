-- case: stranger: UNION of streams with fields in another order and int/long/double widening, INSERT ... VALUES rows (a TIMESTAMP literal and a string time) as an input, a constant DECLARE used in a window size and in WHERE, a tumbling window over the union's output
-- oracle: duckdb
/* oracle
WITH u AS (
  SELECT sym, CAST(qty AS DOUBLE) AS amount, ts FROM trades WHERE qty IS NOT NULL
  UNION ALL SELECT sym, bid, ts FROM quotes
  UNION ALL SELECT * FROM (VALUES ('AAA', 1000.0, epoch_ms(TIMESTAMP '2024-01-01 00:00:03')), ('ZZZ', 2.0, epoch_ms(TIMESTAMP '2024-01-01 00:01:00.250'))) v(sym, amount, ts)
)
SELECT sym, count(*), sum(amount), (ts // 30000) * 30000 FROM u WHERE amount > 3 GROUP BY sym, ts // 30000
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = 'ts');
CREATE INPUT STREAM quotes (seq long, ts timestamp, sym string, bid double) WITH (FILE = 'quotes.jsonl', TIMESTAMP = 'ts');
CREATE INPUT STREAM manual (ts timestamp, amount int, sym string) WITH (TIMESTAMP = 'ts');
INSERT INTO manual VALUES (TIMESTAMP '2024-01-01 00:00:03', 1000, 'AAA'), ('2024-01-01T00:01:00.250Z', 2, 'ZZZ');
DECLARE span int DEFAULT 30;
DECLARE floor_amount double DEFAULT 3;
SELECT sym, qty AS amount, ts FROM trades WHERE qty IS NOT NULL INTO t2;
SELECT bid AS amount, sym, ts FROM quotes INTO q2;
t2 UNION q2 UNION manual INTO everything;
SELECT sym, count(*) AS n, sum(amount) AS total, window_start() AS ws
FROM everything[SIZE span ON ts] WHERE amount > floor_amount GROUP BY sym INTO out;
