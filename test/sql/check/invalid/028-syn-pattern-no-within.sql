-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 4:44
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT x.a FROM PATTERN s AS x THEN t AS y WHERE x.a = y.a;
