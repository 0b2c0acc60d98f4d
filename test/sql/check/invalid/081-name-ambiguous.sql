-- error: GALE_ERR_SQL_AMBIGUOUS_FIELD at 4:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT a FROM s[SIZE 2 TUPLES], t[SIZE 2 TUPLES];
