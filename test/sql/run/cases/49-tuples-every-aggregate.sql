-- case: stranger: every aggregate over sliding TUPLES windows (SIZE 6 ADVANCE 4) PARTITION BY a string field, with NULLs in the input, window bounds as tuple positions
-- oracle: duckdb
/* oracle
WITH p AS (SELECT *, row_number() OVER (PARTITION BY city ORDER BY seq) - 1 AS pos FROM events),
w AS (SELECT *, unnest(range(greatest(CAST(floor((pos - 6) / 4) AS BIGINT) + 1, 0), pos // 4 + 1)) AS k FROM p)
SELECT city, count(*), count(amount), count(DISTINCT usr), sum(amount), avg(amount), min(kind), max(amount),
       stddev_samp(amount), var_samp(amount), first(amount ORDER BY seq), last(amount ORDER BY seq),
       median(amount), quantile_cont(amount, 0.25), k * 4, k * 4 + 6
FROM w GROUP BY city, k
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT city, count(*) AS n, count(amount) AS na, count_distinct(usr) AS users, sum(amount) AS total, avg(amount) AS mean,
       min(kind) AS first_kind, max(amount) AS hi, stdev(amount) AS sd, variance(amount) AS var,
       firstval(amount) AS fv, lastval(amount) AS lv, median(amount) AS med, percentile(amount, 0.25) AS p25,
       openval() AS ws, closeval() AS we
FROM events[SIZE 6 ADVANCE 4 TUPLES PARTITION BY city];
