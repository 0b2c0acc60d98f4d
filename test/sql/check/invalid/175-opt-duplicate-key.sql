-- error: GALE_ERR_SQL_BAD_OPTION at 2:44
CREATE STREAM x (a int) WITH (TOPIC = 'x', TOPIC = 'y');
