-- error: GALE_ERR_SQL_BAD_WINDOW at 4:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT s.a FROM s JOIN tb[SIZE 1 TUPLES] ON s.a = tb.k;
