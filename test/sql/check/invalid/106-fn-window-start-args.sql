-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT window_start(ts) AS ws, count(*) AS n FROM s[SIZE 10 ON ts];
