-- error: GALE_ERR_SQL_BAD_WINDOW at 3:51
CREATE INPUT STREAM s (a int, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 TUPLES OFFSET 2];
