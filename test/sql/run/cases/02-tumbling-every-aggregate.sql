-- case: every aggregate over tumbling 10 s windows ON an event-time field, grouped
-- oracle: duckdb
/* oracle
SELECT sym, count(*), count(price), count(DISTINCT qty), sum(qty), avg(price), min(price), max(price),
       stddev_samp(price), var_samp(price), first(price ORDER BY seq), last(price ORDER BY seq),
       median(price), quantile_cont(price, 0.9), (ts // 10000) * 10000, (ts // 10000) * 10000 + 10000
FROM trades GROUP BY sym, ts // 10000
*/
CREATE INPUT STREAM trades (seq long, ts timestamp, sym string, price double, qty long, side string)
  WITH (FILE = 'trades.jsonl', TIMESTAMP = ts);
SELECT sym, count(*) AS n, count(price) AS np, count_distinct(qty) AS dq, sum(qty) AS sq, avg(price) AS ap,
       min(price) AS lo, max(price) AS hi, stdev(price) AS sd, variance(price) AS var,
       firstval(price) AS fp, lastval(price) AS lp, median(price) AS med, percentile(price, 0.9) AS p90,
       window_start() AS ws, window_end() AS we
FROM trades[SIZE 10 ADVANCE 10 ON ts]
GROUP BY sym;
