-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:16
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s (1, 'a', 1.0, NULL);
