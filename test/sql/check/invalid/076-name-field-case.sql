-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT A FROM s;
