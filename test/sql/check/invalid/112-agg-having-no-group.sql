-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 3:24
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s HAVING a > 1;
