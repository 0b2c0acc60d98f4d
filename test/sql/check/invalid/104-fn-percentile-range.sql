-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:22
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT percentile(c, 95) AS p FROM s[SIZE 10 TUPLES];
