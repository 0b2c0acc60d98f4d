-- error: GALE_ERR_SQL_BAD_WINDOW at 3:44
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 5 ADVANCE 10 ON ts];
