-- error: GALE_ERR_SQL_DUPLICATE_NAME at 4:15
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT a FROM s INTO out;
CREATE STREAM out (a int);
