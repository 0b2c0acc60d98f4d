-- error: GALE_ERR_SQL_TYPE_MISMATCH at 4:27
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
UPDATE tb USING s SET v = s.a;
