-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:8
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT window_start() AS w FROM s;
