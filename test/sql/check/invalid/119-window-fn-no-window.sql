-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:11
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, window_start() AS ws FROM s;
