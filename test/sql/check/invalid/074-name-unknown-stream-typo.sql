-- error: GALE_ERR_SQL_UNKNOWN_STREAM at 3:15
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM ss;
