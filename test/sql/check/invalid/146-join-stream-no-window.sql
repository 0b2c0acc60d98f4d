-- error: GALE_ERR_SQL_JOIN_NEEDS_WINDOW at 4:17
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT s.a FROM s JOIN t[SIZE 1 TUPLES] ON s.a = t.a;
