-- error: GALE_ERR_SQL_BAD_LITERAL at 3:28
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s WHERE ts > TIMESTAMP 'yesterday';
