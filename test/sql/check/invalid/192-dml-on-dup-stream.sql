-- error: GALE_ERR_SQL_NOT_A_TABLE at 4:13
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
INSERT INTO t SELECT a, a AS d, ts FROM s ON DUPLICATE KEY UPDATE d = 1;
