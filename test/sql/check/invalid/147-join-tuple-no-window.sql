-- error: GALE_ERR_SQL_JOIN_NEEDS_WINDOW at 4:35
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT s.a FROM s[SIZE 2 TUPLES], t WHERE s.a = t.a;
