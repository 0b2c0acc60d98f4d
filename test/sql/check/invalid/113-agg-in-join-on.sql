-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 4:36
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT s.a FROM s JOIN tb ON s.a = max(tb.k);
