-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 3:12
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT max(count(*)) AS n FROM s;
