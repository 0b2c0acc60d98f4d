-- error: GALE_ERR_SQL_UNTERMINATED_COMMENT at 3:18
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s; /* never closed
SELECT b FROM s;
