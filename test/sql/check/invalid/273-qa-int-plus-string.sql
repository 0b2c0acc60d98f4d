-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:8
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT a + b AS c FROM s;
