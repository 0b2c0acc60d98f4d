-- error: GALE_ERR_SQL_UNKNOWN_QUALIFIER at 3:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT x.a FROM s;
