-- error: GALE_ERR_SQL_BAD_PATTERN at 3:25
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT x.a FROM PATTERN NOT s AS x WITHIN 5 TIME;
