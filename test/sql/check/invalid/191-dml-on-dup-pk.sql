-- error: GALE_ERR_SQL_PRIMARY_KEY_UPDATE at 4:69
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
INSERT INTO tb SELECT a AS k, b AS v FROM s ON DUPLICATE KEY UPDATE k = 1;
