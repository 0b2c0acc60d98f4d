-- error: GALE_ERR_SQL_AGGREGATE_MISUSE at 4:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
UPDATE tb USING s SET v = max(s.b) WHERE tb.k = s.a;
