-- error: GALE_ERR_SQL_BAD_OPTION at 2:53
CREATE STREAM x (a string, b string) WITH (FORMAT = string);
