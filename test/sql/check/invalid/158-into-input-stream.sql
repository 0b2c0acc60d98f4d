-- error: GALE_ERR_SQL_WRITE_TO_INPUT at 4:29
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT a, d, ts FROM t INTO s;
