-- error: GALE_ERR_SQL_BAD_PRIMARY_KEY at 3:13
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
INSERT INTO tb (v) VALUES ('x');
