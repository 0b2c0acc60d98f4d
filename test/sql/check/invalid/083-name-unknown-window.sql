-- error: GALE_ERR_SQL_UNKNOWN_WINDOW at 3:29
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[w1];
