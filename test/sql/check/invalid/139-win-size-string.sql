-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:34
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[SIZE '10' TUPLES];
