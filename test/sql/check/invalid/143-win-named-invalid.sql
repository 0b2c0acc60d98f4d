-- error: GALE_ERR_SQL_BAD_WINDOW at 3:34
CREATE INPUT STREAM t (a int, d long, ts timestamp);
CREATE WINDOW w (SIZE 10 ADVANCE 20 TIME);
SELECT count(*) AS n FROM t[w];
