-- error: GALE_ERR_SQL_UNTYPED_NULL at 3:11
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, NULL AS nothing FROM s;
