-- error: GALE_ERR_SQL_BAD_WINDOW at 3:17
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s[SIZE 10 TUPLES];
