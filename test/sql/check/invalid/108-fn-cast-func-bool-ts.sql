-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT timestamp(a > 1) AS x FROM s;
