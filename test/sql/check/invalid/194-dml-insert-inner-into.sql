-- error: GALE_ERR_SQL_INTO_NOT_ALLOWED at 4:50
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
INSERT INTO tb SELECT a AS k, b AS v FROM s INTO x;
