-- error: GALE_ERR_SQL_BAD_LIMIT at 3:50
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ON ts] LIMIT 0;
