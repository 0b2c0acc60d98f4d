-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT ts + INTERVAL '10' WEEK FROM s;
