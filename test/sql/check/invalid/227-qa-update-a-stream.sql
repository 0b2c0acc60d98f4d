-- error: GALE_ERR_SQL_NOT_A_TABLE at 3:8
CREATE INPUT STREAM s (a int, b string);
UPDATE s USING s SET a = 1;
