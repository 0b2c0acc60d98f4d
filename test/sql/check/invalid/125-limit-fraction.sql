-- error: GALE_ERR_SQL_BAD_LIMIT at 3:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s LIMIT 2.5;
