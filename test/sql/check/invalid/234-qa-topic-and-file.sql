-- error: GALE_ERR_SQL_BAD_OPTION at 2:60
CREATE INPUT STREAM s (a int, b string) WITH (TOPIC = 'x', FILE = 'y.jsonl');
