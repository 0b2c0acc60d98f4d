-- error: GALE_ERR_SQL_UNTERMINATED_COMMENT at 3:17
CREATE INPUT STREAM s (a int, b string);
SELECT a FROM s /* not closed
