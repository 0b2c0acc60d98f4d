-- error: GALE_ERR_SQL_BAD_WINDOW at 3:45
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) AS n FROM s[SIZE 10 ADVANCE -1 TIME];
