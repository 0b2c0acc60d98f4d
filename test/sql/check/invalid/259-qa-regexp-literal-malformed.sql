-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:24
CREATE INPUT STREAM s (a int, b string);
SELECT regexp_match(b, '(') AS m FROM s;
