-- error: GALE_ERR_SQL_DUPLICATE_COLUMN at 4:8
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
CREATE INPUT STREAM t (a int, d long, ts timestamp);
SELECT * FROM s[SIZE 1 TUPLES], t[SIZE 1 TUPLES] WHERE s.a = t.a;
