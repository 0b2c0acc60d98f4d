-- error: GALE_ERR_SQL_MISSING_PRIMARY_KEY at 3:21
CREATE INPUT STREAM s (a int, ts timestamp);
CREATE MEMORY TABLE t (a int, b string);
