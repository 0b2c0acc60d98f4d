-- error: GALE_ERR_SQL_UNKNOWN_TYPE at 3:18
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CAST(a AS varchar) AS x FROM s;
