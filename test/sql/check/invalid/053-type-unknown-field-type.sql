-- error: GALE_ERR_SQL_UNKNOWN_TYPE at 2:20
CREATE STREAM x (a integer);
