-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:39
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) FROM s[SIZE 10 TUPLES GROUP BY a;
