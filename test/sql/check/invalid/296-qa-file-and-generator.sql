-- error: GALE_ERR_SQL_BAD_OPTION at 2:69
CREATE INPUT STREAM s (a int, ts timestamp) WITH (FILE = 'x.jsonl', GENERATOR = 'nexmark.bid');
