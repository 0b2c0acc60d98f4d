-- error: GALE_ERR_SQL_VALUES_ARITY at 3:52
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s VALUES (1, 'x', 2.0, NULL), (1, 'y', 3.0);
