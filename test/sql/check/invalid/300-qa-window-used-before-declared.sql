-- error: GALE_ERR_SQL_UNKNOWN_WINDOW at 3:29
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[w10];
CREATE WINDOW w10 (SIZE 10 ON ts);
