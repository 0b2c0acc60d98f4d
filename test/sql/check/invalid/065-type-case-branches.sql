-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:36
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CASE WHEN a > 1 THEN 1 ELSE 'x' END AS y FROM s;
