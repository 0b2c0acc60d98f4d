-- case: TUPLES windows (SIZE 4 ADVANCE 3) per PARTITION BY group, in arrival order; the end of the input flushes partial windows
-- oracle: reference tuplesPartitioned
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, count(*) AS n, sum(qty) AS sq, firstval(seq) AS first_seq, lastval(seq) AS last_seq,
       window_start() AS ws, window_end() AS we
FROM trades[SIZE 4 ADVANCE 3 TUPLES PARTITION BY sym]
GROUP BY sym;
