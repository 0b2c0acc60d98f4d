-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 3:23
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s WHERE count(*) > 1;
