-- error: GALE_ERR_SQL_BAD_OPTION at 2:37
CREATE STREAM x (a int) WITH (KEY = 'b');
