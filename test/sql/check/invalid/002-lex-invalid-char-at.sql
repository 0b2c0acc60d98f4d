-- error: GALE_ERR_SQL_INVALID_CHARACTER at 3:10
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a @ FROM s;
