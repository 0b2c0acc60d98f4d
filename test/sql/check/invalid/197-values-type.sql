-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s VALUES ('one', 'x', 2.0, NULL);
