-- error: GALE_ERR_SQL_NOT_CONSTANT at 3:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s VALUES (a, 'x', 1.0, NULL);
