-- case: TUPLES windows over the whole stream (no PARTITION BY), with GROUP BY inside each window
-- oracle: reference tuplesGrouped
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT side, count(*) AS n, max(seq) AS last_seq, window_start() AS ws, window_end() AS we
FROM trades[SIZE 10 ADVANCE 10 TUPLES]
GROUP BY side;
