-- error: GALE_ERR_SQL_DUPLICATE_FIELD at 2:25
CREATE STREAM x (a int, a long);
