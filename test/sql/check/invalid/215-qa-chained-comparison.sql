-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:29
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT a FROM s WHERE a < 1 < 2;
