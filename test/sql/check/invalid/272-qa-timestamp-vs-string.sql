-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:23
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT b FROM s WHERE ts > '2024-01-01';
