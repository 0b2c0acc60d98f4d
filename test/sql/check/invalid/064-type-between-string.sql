-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:39
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s WHERE a BETWEEN 1 AND 'z';
