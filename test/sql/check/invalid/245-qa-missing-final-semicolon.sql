-- error: GALE_ERR_SQL_UNEXPECTED_END at 3:28
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s WHERE a > 1
