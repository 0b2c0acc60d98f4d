-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 4:7
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s
WHERE price > 10;
