-- error: GALE_ERR_SQL_DUPLICATE_FIELD at 2:41
CREATE INPUT STREAM s (a int, b string, a double);
