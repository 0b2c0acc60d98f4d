-- case: stranger: unwindowed aggregate with HAVING: a changelog row per input whose group passes HAVING
-- oracle: duckdb
/* oracle
SELECT usr, n, s FROM (
  SELECT usr, count(*) OVER (PARTITION BY usr ORDER BY seq) AS n,
         sum(amount) OVER (PARTITION BY usr ORDER BY seq) AS s FROM events
) WHERE n > 50
*/
CREATE INPUT STREAM events (seq long, ts timestamp, usr string, kind string, city string, amount double)
  WITH (FILE = 'events.jsonl', TIMESTAMP = 'ts');
SELECT usr, count(*) AS n, sum(amount) AS s FROM events GROUP BY usr HAVING count(*) > 50;
