-- error: GALE_ERR_SQL_BAD_JOIN at 4:17
CREATE INPUT STREAM s (a int, b string);
CREATE MEMORY TABLE t (a int, b string, PRIMARY KEY (a));
SELECT s.a FROM s RIGHT JOIN t ON s.a = t.a;
