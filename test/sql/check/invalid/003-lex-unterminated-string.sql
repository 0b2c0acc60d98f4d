-- error: GALE_ERR_SQL_UNTERMINATED_STRING at 3:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s WHERE b = 'abc;

