-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:15
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CAST(a int) FROM s;
