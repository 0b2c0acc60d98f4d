-- error: GALE_ERR_SQL_UNEXPECTED_TOKEN at 4:56
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT s.a FROM s[SIZE 1 TUPLES] JOIN t[SIZE 1 TUPLES] WHERE s.a = t.a;
