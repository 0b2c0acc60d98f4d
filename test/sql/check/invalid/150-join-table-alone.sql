-- error: GALE_ERR_SQL_NOT_A_STREAM at 3:15
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT k FROM tb;
