-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 3:38
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s GROUP BY max(a);
