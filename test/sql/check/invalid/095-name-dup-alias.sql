-- error: GALE_ERR_SQL_DUPLICATE_ALIAS at 3:60
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT x.a FROM s[SIZE 1 TUPLES] AS x, s[SIZE 1 TUPLES] AS x;
