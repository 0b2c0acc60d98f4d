-- error: GALE_ERR_SQL_NOT_A_STREAM at 4:37
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE MEMORY TABLE tb (k int, v string, PRIMARY KEY (k));
SELECT x.a FROM PATTERN s AS x THEN tb AS y WITHIN 5 TIME;
