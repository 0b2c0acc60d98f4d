-- error: GALE_ERR_SQL_BAD_JOIN at 4:17
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT s.a FROM s RIGHT JOIN tb ON s.a = tb.k;
