-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:41
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT count(*) FROM s[SIZE 10 ADVANCE 5] GROUP BY a;
