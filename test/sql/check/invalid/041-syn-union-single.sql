-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:1
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
s INTO x;
