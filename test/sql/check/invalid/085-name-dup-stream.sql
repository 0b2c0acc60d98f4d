-- error: GALE_ERR_SQL_DUPLICATE_NAME at 3:15
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE STREAM s (x int);
