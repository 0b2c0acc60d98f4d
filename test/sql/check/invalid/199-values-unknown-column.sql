-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 3:19
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
INSERT INTO s (a, q) VALUES (1, 2);
