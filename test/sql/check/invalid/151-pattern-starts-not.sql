-- error: GALE_ERR_SQL_BAD_PATTERN at 4:25
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT x.a FROM PATTERN NOT s AS x THEN t AS y WITHIN 5 TIME;
