-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:32
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT a FROM s WHERE a IN (1, 'x');
