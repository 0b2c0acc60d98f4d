-- error: GALE_ERR_SQL_BAD_OPTION at 2:56
CREATE INPUT STREAM s (a int, b string) WITH (FORMAT = string);
