-- error: GALE_ERR_SQL_BAD_OPTION at 2:73
CREATE INPUT STREAM s (a int, b string, ts timestamp) WITH (TIMESTAMP = 'tss');
