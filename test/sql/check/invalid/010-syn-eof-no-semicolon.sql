-- error: GALE_ERR_SQL_UNEXPECTED_END at 3:16
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s
