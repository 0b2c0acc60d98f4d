-- error: GALE_ERR_SQL_BAD_LITERAL at 3:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT "" FROM s;
