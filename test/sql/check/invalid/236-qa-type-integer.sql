-- error: GALE_ERR_SQL_UNKNOWN_TYPE at 2:26
CREATE INPUT STREAM s (a integer, b string);
