-- error: GALE_ERR_SQL_NOT_A_STREAM at 3:22
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
DELETE FROM tb USING tb AS other WHERE true;
