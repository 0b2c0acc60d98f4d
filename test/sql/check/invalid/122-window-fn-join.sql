-- error: GALE_ERR_SQL_WINDOW_FUNCTION_MISUSE at 4:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT closeval() AS e FROM s[SIZE 2 TUPLES], t[SIZE 2 TUPLES] WHERE s.a = t.a;
