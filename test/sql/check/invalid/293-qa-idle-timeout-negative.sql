-- error: GALE_ERR_SQL_BAD_OPTION at 2:66
CREATE INPUT STREAM s (a int, ts timestamp) WITH (IDLE_TIMEOUT = -1);
