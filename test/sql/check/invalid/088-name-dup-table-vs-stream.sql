-- error: GALE_ERR_SQL_DUPLICATE_NAME at 3:21
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE s (k int, PRIMARY KEY (k));
