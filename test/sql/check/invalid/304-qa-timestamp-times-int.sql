-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT ts * 2 AS t2 FROM s;
