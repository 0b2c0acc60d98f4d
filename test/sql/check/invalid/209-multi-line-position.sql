-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 6:2
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT
    a,
    b,
	zz
FROM s;
