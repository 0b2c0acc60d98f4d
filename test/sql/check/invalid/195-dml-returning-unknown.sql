-- error: GALE_ERR_SQL_UNKNOWN_FIELD at 4:56
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
REPLACE INTO tb SELECT a AS k, b AS v FROM s RETURNING z;
