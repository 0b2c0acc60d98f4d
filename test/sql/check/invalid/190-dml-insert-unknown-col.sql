-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 4:20
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
INSERT INTO tb (k, w) SELECT a, b FROM s RETURNING k;
