-- error: GALE_ERR_SQL_BAD_LITERAL at 3:13
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT ts + INTERVAL 'ten' SECOND AS x FROM s;
