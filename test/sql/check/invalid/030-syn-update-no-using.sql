-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 3:11
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
UPDATE tb SET v = 'x';
