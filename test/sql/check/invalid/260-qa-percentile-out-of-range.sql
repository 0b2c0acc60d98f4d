-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:22
CREATE INPUT STREAM s (a int, b string);
SELECT percentile(a, 1.5) AS p FROM s GROUP BY b;
