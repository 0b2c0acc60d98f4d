-- error: GALE_ERR_SQL_WRONG_ARGUMENTS at 3:18
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT date_part('fortnight', ts) AS x FROM s;
