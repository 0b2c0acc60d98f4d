-- error: GALE_ERR_SQL_DUPLICATE_COLUMN at 3:16
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, b AS a FROM s;
