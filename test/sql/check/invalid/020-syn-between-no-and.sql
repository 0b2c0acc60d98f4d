-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:35
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s WHERE a BETWEEN 1 OR 2;
