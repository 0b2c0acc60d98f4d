-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:26
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT EXTRACT(HOUR FROM b) AS h FROM s;
