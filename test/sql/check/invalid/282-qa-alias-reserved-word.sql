-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:13
CREATE INPUT STREAM s (a int, b string, ts timestamp);
SELECT a AS from FROM s;
