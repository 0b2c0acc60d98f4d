-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 4:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s;
SELECT b FROM s WHERE ;
