-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:33
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a, count(*) FROM s GROUP a;
