-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 4:51
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
DELETE FROM tb USING s WHERE tb.k = s.a RETURNING ;
