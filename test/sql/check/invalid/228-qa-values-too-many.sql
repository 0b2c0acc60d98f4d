-- error: GALE_ERR_SQL_VALUES_ARITY at 3:31
CREATE INPUT STREAM s (a int, b string);
INSERT INTO s VALUES (1, 'x', 3);
