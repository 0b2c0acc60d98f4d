-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:23
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s WHERE a LIKE 'x%';
