-- error: GALE_ERR_SQL_NOT_CONSTANT at 3:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s LIMIT a;
