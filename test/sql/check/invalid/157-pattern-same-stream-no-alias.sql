-- error: GALE_ERR_SQL_DUPLICATE_ALIAS at 3:30
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM PATTERN s THEN s WITHIN 5 TIME;
