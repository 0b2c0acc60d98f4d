-- error: GALE_ERR_SQL_BAD_PRIMARY_KEY at 4:13
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
INSERT INTO tb SELECT b AS v FROM s ON DUPLICATE KEY UPDATE v = v;
