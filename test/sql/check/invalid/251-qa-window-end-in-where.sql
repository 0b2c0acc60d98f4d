-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:50
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ON ts] WHERE window_end() > ts;
