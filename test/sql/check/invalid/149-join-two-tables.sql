-- error: GALE_ERR_SQL_BAD_JOIN at 4:26
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
CREATE MEMORY TABLE tb2 (k int, PRIMARY KEY (k));
SELECT tb.k FROM tb JOIN tb2 ON tb.k = tb2.k;
