-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:24
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT regexp_match(b, '(unclosed') AS x FROM s;
