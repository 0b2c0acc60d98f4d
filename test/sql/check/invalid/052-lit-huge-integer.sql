-- error: GALE_ERR_SQL_BAD_LITERAL at 3:12
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a + 99999999999999999999 AS x FROM s;
