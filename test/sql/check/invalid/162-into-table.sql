-- error: GALE_ERR_SQL_NOT_A_STREAM at 4:35
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT a AS k, b AS v FROM s INTO tb;
