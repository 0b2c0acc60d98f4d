-- error: GALE_ERR_SQL_BAD_WINDOW at 3:40
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ON b];
