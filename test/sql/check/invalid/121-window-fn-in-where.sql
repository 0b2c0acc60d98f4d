-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 3:51
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 TUPLES] WHERE openval() > 3;
