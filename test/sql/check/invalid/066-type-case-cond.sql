-- error: GALE_ERR_SQL_TYPE_MISMATCH at 3:18
CREATE INPUT STREAM s (a int, b string, c double, ts timestamp);
SELECT CASE WHEN a THEN 1 END AS y FROM s;
