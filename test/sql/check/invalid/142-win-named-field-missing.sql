-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 4:29
CREATE INPUT STREAM t (a int, d long, ts timestamp);
CREATE WINDOW w (SIZE 10 ON b);
SELECT count(*) AS n FROM t[w];
