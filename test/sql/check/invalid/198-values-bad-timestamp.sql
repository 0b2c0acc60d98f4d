-- error: GALE_ERR_SQL_BAD_LITERAL at 3:36
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s VALUES (1, 'x', 2.0, 'not a time');
