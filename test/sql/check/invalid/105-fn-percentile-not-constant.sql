-- error: GALE_ERR_SQL_NOT_CONSTANT at 3:22
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT percentile(c, c) AS p FROM s[SIZE 10 TUPLES];
