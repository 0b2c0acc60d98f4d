-- error: GALE_ERR_SQL_NOT_A_TABLE at 4:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
UPDATE s USING t SET a = 1;
