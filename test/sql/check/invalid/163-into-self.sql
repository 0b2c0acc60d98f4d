-- error: GALE_ERR_SQL_BAD_STATEMENT at 3:32
CREATE STREAM s (a int, b string, c double, ts timestamp);
SELECT a, b, c, ts FROM s INTO s;
