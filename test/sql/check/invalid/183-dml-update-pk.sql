-- error: GALE_ERR_SQL_PRIMARY_KEY_UPDATE at 4:23
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
UPDATE tb USING s SET k = s.a;
