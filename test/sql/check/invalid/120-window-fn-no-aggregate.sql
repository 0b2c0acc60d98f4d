-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:50
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, count(*) AS n FROM s GROUP BY a HAVING window_end() > 0;
