-- error: GALE_ERR_SQL_AMBIGUOUS_FIELD at 4:27
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
CREATE STREAM u (k int, v string);
UPDATE tb USING u SET v = v;
