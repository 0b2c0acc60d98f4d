-- error: GALE_ERR_SQL_BAD_PRIMARY_KEY at 4:13
CREATE INPUT STREAM s (a int, b string);
CREATE MEMORY TABLE t (a int, b string, PRIMARY KEY (a));
INSERT INTO t (b) SELECT b FROM s;
