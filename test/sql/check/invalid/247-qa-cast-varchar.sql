-- error: GALE_ERR_SQL_UNKNOWN_TYPE at 3:18
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT CAST(a AS varchar) AS c FROM s;
