-- error: GALE_ERR_SQL_NOT_A_TABLE at 4:14
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
REPLACE INTO t SELECT a, a AS d, ts FROM s;
