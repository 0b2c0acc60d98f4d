-- error: GALE_ERR_SQL_BAD_WINDOW at 3:34
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[SIZE INTERVAL '10' SECOND ON a];
