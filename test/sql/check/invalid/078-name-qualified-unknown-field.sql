-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:10
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT s.zz FROM s;
