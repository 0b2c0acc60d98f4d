-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:24
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT if a > 1 then 1 FROM s;
