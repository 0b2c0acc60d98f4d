-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:51
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ON ts] HAVING window_start() > TIMESTAMP '2024-01-01';
