-- error: GALE_ERR_SQL_DUPLICATE_COLUMN at 3:11
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a, a FROM s;
