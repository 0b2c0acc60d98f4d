-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 3:12
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT sum(max(a)) AS x FROM s[SIZE 2 TUPLES];
